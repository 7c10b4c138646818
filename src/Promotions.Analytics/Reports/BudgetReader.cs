using Promotions.Domain.Analytics;
using Promotions.Domain.Campaigns;

namespace Promotions.Analytics.Reports;

/// <summary>
/// Budget burn of a campaign: the amount from the catalog, or from the last threshold event when the catalog
/// has none; what is used is the net discount analytics counted in the budget's currency.
/// </summary>
internal sealed class BudgetReader(IAnalyticsStore store)
{
    public async Task<BudgetBurn?> ReadAsync(
        string campaignId, Budget? catalogBudget, IReadOnlyList<AnalyticsRow> allTime, IReadOnlyList<FigureRow> days,
        DateRange range, CancellationToken ct)
    {
        var thresholds = await store.ThresholdsAsync(campaignId, ct);
        var (amount, currency, source) = catalogBudget is { } b ? (b.Amount, b.Currency, "catalog")
            : thresholds.Count > 0 ? (thresholds[^1].Budget, thresholds[^1].Currency, "events")
            : (0m, "", "");
        if (source.Length == 0)
        {
            return null;
        }

        var used = NetDiscount(allTime, currency);
        var cumulative = range.Before() is { } before
            ? NetDiscount(await store.ReadAsync(new AnalyticsSlice(AnalyticsScope.Campaign, campaignId, AnalyticsDimension.Total, before), ct), currency)
            : 0m;
        var burn = new List<BurnDay>();
        foreach (var day in days.Where(d => d.Currency == currency))
        {
            cumulative += day.NetDiscount;
            burn.Add(new BurnDay(day.Day!.Value, day.NetDiscount, cumulative));
        }

        return new BudgetBurn(
            amount, currency, source, used, amount - used,
            amount > 0m ? Math.Round(used / amount * 100m, 2, MidpointRounding.AwayFromZero) : 0m,
            burn,
            [.. thresholds.Where(t => t.Currency == currency).Select(t => new ThresholdCrossing(t.ThresholdPercent, t.OccurredAt, t.Spent))]);
    }

    private static decimal NetDiscount(IReadOnlyList<AnalyticsRow> rows, string currency) =>
        rows.Where(r => r.Currency == currency).Sum(r => r.Measures.NetDiscount);
}
