using Promotions.Domain.Analytics;
using Promotions.Domain.Common;

namespace Promotions.Embedded.Analytics;

/// <summary>How a cell's key and sums map to columns: names lower-case, days ISO, money in minor units.</summary>
internal static class CellColumns
{
    public const string Key = "scope, scope_id, dimension, value, day, currency";

    public const string Sums =
        "redemptions, reversals, full_reversals, code_redemptions, codes_issued, " +
        "discount_given, discount_reversed, order_revenue, revenue_reversed";

    public static readonly string[] SumNames = Sums.Split(", ");

    public static string Name(AnalyticsScope scope) => scope.ToString().ToLowerInvariant();

    public static string Name(AnalyticsDimension dimension) => dimension.ToString().ToLowerInvariant();

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string day) => DateOnly.ParseExact(day, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The sums in column order; amounts in minor units of <paramref name="currency"/>.</summary>
    public static long[] ToColumns(Measures m, string currency) =>
    [
        m.Redemptions, m.Reversals, m.FullReversals, m.CodeRedemptions, m.CodesIssued,
        Minor(m.DiscountGiven, currency), Minor(m.DiscountReversed, currency),
        Minor(m.OrderRevenue, currency), Minor(m.RevenueReversed, currency),
    ];

    public static Measures FromColumns(long[] c, string currency) => new(
        c[0], c[1], c[2], c[3], c[4],
        Money.FromMinor(c[5], currency), Money.FromMinor(c[6], currency),
        Money.FromMinor(c[7], currency), Money.FromMinor(c[8], currency));

    // Cells of code counts carry no currency and no money.
    private static long Minor(decimal amount, string currency) => currency.Length == 0 ? 0 : Money.ToMinor(amount, currency);
}
