using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Contracts.Analytics;

/// <summary>
/// Every slice a report can read, of every scope that a set of events reaches, over all time: read from a store,
/// or computed by <see cref="ReferenceAnalytics"/> from the distinct events. Rows that are all zero (a sum that
/// cancelled) are left out on both sides, since one store may keep such a cell and another not write it.
/// </summary>
public static class AnalyticsSnapshot
{
    /// <summary>Everything, and every campaign and promotion the events name.</summary>
    public static List<(AnalyticsScope Scope, string Id)> ScopesOf(IEnumerable<DomainEvent> events)
    {
        var scopes = new List<(AnalyticsScope, string)> { (AnalyticsScope.All, "") };
        var list = events.ToList();
        scopes.AddRange(list.Select(CampaignOf).OfType<string>().Distinct().Order(StringComparer.Ordinal).Select(c => (AnalyticsScope.Campaign, c)));
        scopes.AddRange(list.Select(PromotionOf).OfType<string>().Distinct().Order(StringComparer.Ordinal).Select(p => (AnalyticsScope.Promotion, p)));
        return scopes;
    }

    public static async Task<List<(string Slice, AnalyticsRow Row)>> ReadAsync(IAnalyticsStore store, IEnumerable<(AnalyticsScope Scope, string Id)> scopes)
    {
        ArgumentNullException.ThrowIfNull(store);
        var rows = new List<(string, AnalyticsRow)>();
        foreach (var (scope, id, dimension, byDay) in Slices(scopes))
        {
            var read = await store.ReadAsync(new AnalyticsSlice(scope, id, dimension, DateRange.AllTime, byDay), CancellationToken.None);
            rows.AddRange(read.Where(r => !IsEmpty(r)).Select(r => (Name(scope, id, dimension, byDay), r)));
        }

        return rows;
    }

    /// <summary>The same slices from one pass over <paramref name="distinct"/> that sees every event at once.</summary>
    public static List<(string Slice, AnalyticsRow Row)> Reference(IEnumerable<DomainEvent> distinct, IEnumerable<(AnalyticsScope Scope, string Id)> scopes)
    {
        var (cells, customers) = ReferenceAnalytics.Compute(distinct);
        var rows = new List<(string, AnalyticsRow)>();
        foreach (var (scope, id, dimension, byDay) in Slices(scopes))
        {
            bool InSlice(BucketKey k) => k.Scope == scope && k.ScopeId == id && k.Dimension == dimension;
            (string, DateOnly?, string) Group(BucketKey k) => (k.Value, byDay ? k.Day : null, k.Currency);
            var distinctCustomers = customers.Where(m => InSlice(m.Key))
                .GroupBy(m => Group(m.Key))
                .ToDictionary(g => g.Key, g => (long)g.Select(m => m.CustomerId).Distinct(StringComparer.Ordinal).Count());
            var sliceRows = cells.Where(c => InSlice(c.Key))
                .GroupBy(c => Group(c.Key))
                .Select(g => new AnalyticsRow(g.Key.Item1, g.Key.Item2, g.Key.Item3,
                    g.Aggregate(default(Measures), (sum, c) => sum + c.Value), distinctCustomers.GetValueOrDefault(g.Key)))
                .Where(r => !IsEmpty(r))
                .OrderBy(r => r.Value, StringComparer.Ordinal).ThenBy(r => r.Day).ThenBy(r => r.Currency, StringComparer.Ordinal);
            rows.AddRange(sliceRows.Select(r => (Name(scope, id, dimension, byDay), r)));
        }

        return rows;
    }

    private static IEnumerable<(AnalyticsScope, string, AnalyticsDimension, bool)> Slices(IEnumerable<(AnalyticsScope Scope, string Id)> scopes) =>
        from s in scopes
        from dimension in Enum.GetValues<AnalyticsDimension>()
        from byDay in new[] { false, true }
        select (s.Scope, s.Id, dimension, byDay);

    private static string Name(AnalyticsScope scope, string id, AnalyticsDimension dimension, bool byDay) => $"{scope}/{id}/{dimension}/{(byDay ? "days" : "range")}";

    private static bool IsEmpty(AnalyticsRow row) => row.Measures == default && row.DistinctCustomers == 0;

    private static string? CampaignOf(DomainEvent e) => e switch
    {
        RedemptionRecorded r => r.CampaignId,
        RedemptionReversed v => v.CampaignId,
        PromotionPublished p => p.CampaignId,
        PromotionChanged c => c.CampaignId,
        _ => null,
    };

    private static string? PromotionOf(DomainEvent e) => e switch
    {
        RedemptionRecorded r => r.PromotionId,
        RedemptionReversed v => v.PromotionId,
        CodesGenerated g => g.PromotionId,
        PromotionPublished p => p.PromotionId,
        PromotionChanged c => c.PromotionId,
        _ => null,
    };
}
