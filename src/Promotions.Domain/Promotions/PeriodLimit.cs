namespace Promotions.Domain.Promotions;

/// <summary>
/// A limit of redemptions per calendar period (UTC): at most <paramref name="Max"/> redemptions of the promotion in
/// each <paramref name="Period"/>, over every customer, or per customer when <paramref name="PerCustomer"/> is set.
/// Checked in the redemption's atomic step like every other limit (docs/redemption.md, "Per-period limits").
/// </summary>
public sealed record PeriodLimit(LimitPeriod Period, int Max, bool PerCustomer = false);
