using Promotions.Domain.Analytics;
using Promotions.Domain.Ports;

namespace Promotions.Analytics.Reports;

/// <summary>Reads the slices of a report from the aggregates and puts them together; null when the scope is unknown.</summary>
internal sealed class ReportBuilder(IAnalyticsStore store, ICampaignStore campaigns, IPromotionStore promotions)
{
    private static readonly AnalyticsDimension[] OverviewBreakdowns =
        [AnalyticsDimension.Campaign, AnalyticsDimension.Promotion, AnalyticsDimension.Channel, AnalyticsDimension.Segment];

    private static readonly AnalyticsDimension[] CampaignBreakdowns =
        [AnalyticsDimension.Promotion, AnalyticsDimension.Channel, AnalyticsDimension.Segment];

    private static readonly AnalyticsDimension[] PromotionBreakdowns = [AnalyticsDimension.Channel, AnalyticsDimension.Segment];

    public Task<AnalyticsReport> OverviewAsync(DateRange range, CancellationToken ct) =>
        BuildAsync(AnalyticsScope.All, "", range, OverviewBreakdowns, ct);

    public async Task<AnalyticsReport?> CampaignAsync(string id, DateRange range, CancellationToken ct)
    {
        var campaign = await campaigns.GetAsync(id, ct);
        var allTime = await store.ReadAsync(new AnalyticsSlice(AnalyticsScope.Campaign, id, AnalyticsDimension.Total, DateRange.AllTime), ct);

        // A campaign deleted from the catalog keeps its history; one neither side knows does not exist.
        if (campaign is null && allTime.Count == 0)
        {
            return null;
        }

        var report = await BuildAsync(AnalyticsScope.Campaign, id, range, CampaignBreakdowns, ct);
        var budget = await new BudgetReader(store).ReadAsync(id, campaign?.Budget, allTime, report.Days, range, ct);
        return report with { Budget = budget };
    }

    public async Task<AnalyticsReport?> PromotionAsync(string id, DateRange range, CancellationToken ct)
    {
        if (await promotions.GetAsync(id, ct) is null
            && (await store.ReadAsync(new AnalyticsSlice(AnalyticsScope.Promotion, id, AnalyticsDimension.Total, DateRange.AllTime), ct)).Count == 0)
        {
            return null;
        }

        return await BuildAsync(AnalyticsScope.Promotion, id, range, PromotionBreakdowns, ct);
    }

    private async Task<AnalyticsReport> BuildAsync(
        AnalyticsScope scope, string id, DateRange range, AnalyticsDimension[] breakdowns, CancellationToken ct)
    {
        var totals = await store.ReadAsync(new AnalyticsSlice(scope, id, AnalyticsDimension.Total, range), ct);
        var days = await store.ReadAsync(new AnalyticsSlice(scope, id, AnalyticsDimension.Total, range, ByDay: true), ct);
        var byDimension = new Dictionary<AnalyticsDimension, IReadOnlyList<FigureRow>>();
        foreach (var dimension in breakdowns)
        {
            byDimension[dimension] = Money(await store.ReadAsync(new AnalyticsSlice(scope, id, dimension, range), ct), keyed: true);
        }

        var sum = totals.Aggregate(default(Measures), (s, r) => s + r.Measures);
        return new AnalyticsReport(
            Wire(scope), scope == AnalyticsScope.All ? null : id, range.From, range.To,
            Money(totals, keyed: false),
            new CodesSummary(sum.CodesIssued, sum.CodeRedemptions, sum.RedemptionRate),
            Money(days, keyed: false),
            byDimension.GetValueOrDefault(AnalyticsDimension.Campaign),
            byDimension.GetValueOrDefault(AnalyticsDimension.Promotion),
            byDimension.GetValueOrDefault(AnalyticsDimension.Channel) ?? [],
            byDimension.GetValueOrDefault(AnalyticsDimension.Segment) ?? [],
            null);
    }

    // Rows of code counts carry no currency and no money figures; they are summed into Codes instead.
    private static List<FigureRow> Money(IReadOnlyList<AnalyticsRow> rows, bool keyed) =>
        [.. rows.Where(r => r.Currency != BucketKey.NoCurrency).Select(r => FigureRow.From(r, keyed))];

    private static string Wire(AnalyticsScope scope) => scope == AnalyticsScope.All ? "overview" : scope.ToString().ToLowerInvariant();
}
