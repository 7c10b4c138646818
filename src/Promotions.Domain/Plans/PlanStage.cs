namespace Promotions.Domain.Plans;

/// <summary>
/// One stage of a plan: when it runs (<paramref name="At"/>, or <paramref name="After"/> the previous stage — the
/// first stage's offset counts from the campaign's <c>startsAt</c>), what it changes, in order, and when it is skipped.
/// </summary>
public sealed record PlanStage(
    string Name,
    DateTimeOffset? At,
    TimeSpan? After,
    IReadOnlyList<StageChange> Changes,
    SkipCondition? SkipIf = null);
