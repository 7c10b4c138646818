using Promotions.Domain.Analytics;

namespace Promotions.Analytics.Reports;

/// <summary>
/// The figures of one row of a report, in one currency: totals (no key, no day), a day of the series, or a
/// breakdown value (<paramref name="Key"/>: a campaign, promotion, channel or segment id).
/// </summary>
public sealed record FigureRow(
    string? Key,
    DateOnly? Day,
    string Currency,
    long Redemptions,
    long NetRedemptions,
    long Reversals,
    long FullReversals,
    decimal DiscountGiven,
    decimal DiscountReversed,
    decimal NetDiscount,
    decimal OrderRevenue,
    decimal AttributedRevenue,
    decimal? Roi,
    long DistinctCustomers)
{
    public static FigureRow From(AnalyticsRow row, bool keyed)
    {
        ArgumentNullException.ThrowIfNull(row);
        var m = row.Measures;
        return new FigureRow(
            keyed ? row.Value : null, row.Day, row.Currency, m.Redemptions, m.NetRedemptions, m.Reversals, m.FullReversals,
            m.DiscountGiven, m.DiscountReversed, m.NetDiscount, m.OrderRevenue, m.AttributedRevenue, m.Roi, row.DistinctCustomers);
    }
}
