namespace Promotions.Domain.Redemptions;

/// <summary>
/// What the ledger records in one atomic step: the redemption (status <see cref="RedemptionStatus.Confirmed"/>
/// for a direct redemption, <see cref="RedemptionStatus.Reserved"/> with <see cref="Redemption.ExpiresAt"/> for a
/// hold) and the limits to check it against.
/// </summary>
public sealed record RedeemCommand(Redemption Redemption, RedemptionLimits Limits);
