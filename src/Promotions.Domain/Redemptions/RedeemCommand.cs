namespace Promotions.Domain.Redemptions;

/// <summary>
/// What the ledger records in one atomic step: the order's redemption (status <see cref="RedemptionStatus.Confirmed"/>
/// for a direct redemption, <see cref="RedemptionStatus.Reserved"/> with an expiry for a hold) and, per part in the
/// same order, the limits to check that part against.
/// </summary>
public sealed record RedeemCommand(OrderRedemption Order, IReadOnlyList<RedemptionLimits> Limits)
{
    /// <summary>The redemption of one promotion, as an order of one part.</summary>
    public RedeemCommand(Redemption redemption, RedemptionLimits limits)
        : this(OrderRedemption.Of(redemption), [limits])
    {
    }
}
