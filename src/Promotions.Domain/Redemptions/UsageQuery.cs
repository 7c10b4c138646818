namespace Promotions.Domain.Redemptions;

/// <summary>
/// Which ledger counters to read in one batch (<see cref="Ports.IRedemptionLedger.GetUsageBatchAsync"/>): the
/// redemption counters of <paramref name="PromotionIds"/>, the budget counters of <paramref name="CampaignIds"/>
/// and, when <paramref name="CustomerId"/> is set, that customer's counters for
/// <paramref name="CustomerPromotionIds"/>. Any list may be empty; ids may repeat.
/// </summary>
public sealed record UsageQuery(
    IReadOnlyCollection<string> PromotionIds,
    IReadOnlyCollection<string> CampaignIds,
    string? CustomerId = null,
    IReadOnlyCollection<string>? CustomerPromotionIds = null)
{
    /// <summary>Period counters of promotions (over every customer) to read.</summary>
    public IReadOnlyCollection<PeriodCounter> Periods { get; init; } = [];

    /// <summary>Period counters of <see cref="CustomerId"/> to read (ignored without a customer).</summary>
    public IReadOnlyCollection<PeriodCounter> CustomerPeriods { get; init; } = [];

    /// <summary>True when the query asks for no counter at all, so no store needs to be read.</summary>
    public bool IsEmpty =>
        PromotionIds.Count == 0 && CampaignIds.Count == 0 && Periods.Count == 0
        && (CustomerId is null || (CustomerPromotionIds is not { Count: > 0 } && CustomerPeriods.Count == 0));
}
