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

    /// <summary>The campaigns of live promotions that have a budget, each once.</summary>
    public IReadOnlyList<string> BudgetedCampaignIds { get; }
}
