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
    /// <summary>True when the query asks for no counter at all, so no store needs to be read.</summary>
    public bool IsEmpty =>
        PromotionIds.Count == 0 && CampaignIds.Count == 0 && (CustomerId is null || CustomerPromotionIds is not { Count: > 0 });
}
