namespace Promotions.Domain.Redemptions;

/// <summary>
/// A reversal of a confirmed redemption: everything that remains when <paramref name="Lines"/> is null, otherwise
/// the discount carried by the returned units of those lines.
/// </summary>
public sealed record ReverseCommand(string RedemptionId, string ReversalId, IReadOnlyList<ReturnedLine>? Lines);
