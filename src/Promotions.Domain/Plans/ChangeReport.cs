namespace Promotions.Domain.Plans;

/// <summary>
/// What one change of a step did: <paramref name="Result"/> is <c>changed</c>, <c>unchanged</c> (already so) or the code
/// of the guard that refused it (<c>illegal_transition</c>, <c>window_ended</c>, <c>not_found</c>, …), with the item's
/// status after it.
/// </summary>
public sealed record ChangeReport(StageChangeKind Kind, string Target, string Result, string? Status = null);
