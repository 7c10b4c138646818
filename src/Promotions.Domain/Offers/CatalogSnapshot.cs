using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Offers;

/// <summary>
/// The live promotions and segment criteria as read at <see cref="LoadedAt"/>, in promotion id order.
/// Immutable and shared by every request until the catalog refreshes it.
/// </summary>
public sealed class CatalogSnapshot
{
    public CatalogSnapshot(DateTimeOffset loadedAt, IReadOnlyList<LivePromotion> promotions, IReadOnlyList<CompiledSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(promotions);
        LoadedAt = loadedAt;
        Promotions = promotions;
        Segments = segments;
        ById = promotions.ToDictionary(static p => p.Id, StringComparer.Ordinal);
        CappedPromotionIds = [.. promotions.Where(static p => p.Promotion.MaxRedemptions is not null).Select(static p => p.Id)];
        CustomerLimitedPromotionIds = [.. promotions.Where(static p => p.Promotion.PerCustomerLimit is not null).Select(static p => p.Id)];
        PeriodLimitedPromotions = [.. promotions.Where(static p => p.Promotion.PeriodLimits.Count > 0)];
        BudgetedCampaignIds = [.. promotions.Where(static p => p.Campaign.Budget is not null).Select(static p => p.Campaign.Id).Distinct(StringComparer.Ordinal)];
    }

    public DateTimeOffset LoadedAt { get; }

    public IReadOnlyList<LivePromotion> Promotions { get; }

    public IReadOnlyList<CompiledSegment> Segments { get; }

    public IReadOnlyDictionary<string, LivePromotion> ById { get; }

    /// <summary>The live promotions with a redemption cap: the only promotion counters the offers logic reads.</summary>
    public IReadOnlyList<string> CappedPromotionIds { get; }

    /// <summary>The live promotions with a per-customer limit: the only customer counters the offers logic reads.</summary>
    public IReadOnlyList<string> CustomerLimitedPromotionIds { get; }

    /// <summary>The live promotions with limits per period.</summary>
    public IReadOnlyList<LivePromotion> PeriodLimitedPromotions { get; }

    /// <summary>The campaigns of live promotions that have a budget, each once.</summary>
    public IReadOnlyList<string> BudgetedCampaignIds { get; }

    /// <summary>
    /// The counters of the periods <paramref name="now"/> falls in of every live period limit over all customers, or,
    /// with <paramref name="perCustomer"/>, of every per-customer one: the only period counters the offers logic reads.
    /// </summary>
    public IReadOnlyList<PeriodCounter> PeriodCounters(DateTimeOffset now, bool perCustomer) =>
        [.. PeriodLimitedPromotions.SelectMany(p => p.Promotion.PeriodLimits
            .Where(l => l.PerCustomer == perCustomer)
            .Select(l => new PeriodCounter(p.Id, PeriodKeys.Of(l.Period, now))))];
}
