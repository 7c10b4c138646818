using System.Globalization;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Redemptions;

/// <summary>
/// The key of the calendar period an instant falls in, as the ledger's period counters are keyed: <c>day:2026-06-01</c>
/// (from midnight UTC) or <c>week:2026-06-01</c> (the Monday the week starts on, midnight UTC). Periods are UTC for
/// every promotion, so a counter means the same in every process and every store.
/// </summary>
public static class PeriodKeys
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>The key of the <paramref name="period"/> that <paramref name="at"/> falls in.</summary>
    public static string Of(LimitPeriod period, DateTimeOffset at) =>
        Prefix(period) + Start(period, at).ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>When the period of <paramref name="key"/> ends (exclusive).</summary>
    public static DateTimeOffset End(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var at = key.IndexOf(':', StringComparison.Ordinal);
        var period = key[..at] == "week" ? LimitPeriod.Week : LimitPeriod.Day;
        var start = DateTimeOffset.ParseExact(key[(at + 1)..], DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return period == LimitPeriod.Week ? start.AddDays(7) : start.AddDays(1);
    }

    private static DateTimeOffset Start(LimitPeriod period, DateTimeOffset at)
    {
        var day = new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero);
        return period == LimitPeriod.Week ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
    }

    private static string Prefix(LimitPeriod period) => period == LimitPeriod.Week ? "week:" : "day:";
}
