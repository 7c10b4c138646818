using System.Globalization;
using System.Text;

namespace Promotions.Analytics.Reports;

/// <summary>
/// A report as one CSV table (RFC 4180): a <c>section</c> column (totals, day, campaign, promotion, channel,
/// segment) then the figures, so a spreadsheet can filter it; budget burn and codes stay in the JSON report.
/// </summary>
internal static class ReportCsv
{
    public const string ContentType = "text/csv";

    private const string Header =
        "section,key,day,currency,redemptions,net_redemptions,reversals,full_reversals,discount_given,discount_reversed," +
        "net_discount,order_revenue,attributed_revenue,roi,distinct_customers";

    public static string Write(AnalyticsReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(Header).Append("\r\n");
        Append(csv, "totals", report.Totals);
        Append(csv, "day", report.Days);
        Append(csv, "campaign", report.Campaigns ?? []);
        Append(csv, "promotion", report.Promotions ?? []);
        Append(csv, "channel", report.Channels);
        Append(csv, "segment", report.Segments);
        return csv.ToString();
    }

    private static void Append(StringBuilder csv, string section, IReadOnlyList<FigureRow> rows)
    {
        foreach (var r in rows)
        {
            string[] cells =
            [
                section, Escape(r.Key ?? ""), r.Day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r.Currency,
                Number(r.Redemptions), Number(r.NetRedemptions), Number(r.Reversals), Number(r.FullReversals),
                Number(r.DiscountGiven), Number(r.DiscountReversed), Number(r.NetDiscount),
                Number(r.OrderRevenue), Number(r.AttributedRevenue), r.Roi is { } roi ? Number(roi) : "", Number(r.DistinctCustomers),
            ];
            csv.AppendJoin(',', cells).Append("\r\n");
        }
    }

    private static string Number<T>(T value)
        where T : IFormattable => value.ToString(null, CultureInfo.InvariantCulture);

    // Ids are plain, but a segment or channel name chosen by a user may hold a comma, a quote or a leading
    // formula character that a spreadsheet would run.
    private static string Escape(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
