namespace Promotions.Domain.Redemptions;

/// <summary>
/// A period counter a part was counted on (<see cref="PeriodKeys"/>): the promotion's, or its customer's when
/// <paramref name="PerCustomer"/> is set. Recorded on the part, so a release, expiry or reversal gives back to the
/// period the redemption was counted in, not to the one it happens in.
/// </summary>
public sealed record CountedPeriod(string Period, bool PerCustomer);
