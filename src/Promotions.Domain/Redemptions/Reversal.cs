namespace Promotions.Domain.Redemptions;

/// <summary>
/// A recorded reversal of an order's redemption: the discount it gave back to the budgets (<paramref name="Amount"/>,
/// over every part), whether it was full, the lines it covered (units, and the discount they carried over every
/// part), what each promotion gave back, and the order's redemption as it stands afterwards.
/// </summary>
/// <param name="Full">Nothing of the redemption remains: its code uses, promotion caps and customer quotas were given back too.</param>
public sealed record Reversal(
    string Id,
    string RedemptionId,
    decimal Amount,
    string Currency,
    bool Full,
    IReadOnlyList<ReversedLine> Lines,
    DateTimeOffset ReversedAt,
    OrderRedemption Redemption)
{
    /// <summary>What each promotion of the order gave back, in the order's order of parts.</summary>
    public IReadOnlyList<ReversedPromotion> Promotions { get; init; } = [];
}

/// <summary>Units of a line a reversal covered and the discount they carried.</summary>
public sealed record ReversedLine(string LineId, int Quantity, decimal Amount);

/// <summary>One promotion's share of a reversal: the discount it gave back, line by line.</summary>
public sealed record ReversedPromotion(string RedemptionId, string PromotionId, decimal Amount, IReadOnlyList<ReversedLine> Lines);
