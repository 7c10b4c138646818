namespace Promotions.LoadTest.Redemptions;

/// <summary>
/// What one redemption target left behind: the 201s and 409s its client saw, the confirmed records stored, the
/// ledger's counters (promotion, customer, budget), the code's uses, and every way they disagree.
/// </summary>
internal sealed record OversellReport(
    RedemptionPhase Phase,
    long Created,
    long Refused,
    long Records,
    decimal RecordedDiscount,
    long PromotionCounter,
    long? CustomerCounter,
    decimal BudgetSpent,
    int? CodeUses,
    IReadOnlyList<string> Failures)
{
    public bool Passed => Failures.Count == 0;
}
