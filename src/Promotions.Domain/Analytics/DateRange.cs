using System.Globalization;
using Promotions.Domain.Common;

namespace Promotions.Domain.Analytics;

/// <summary>An inclusive range of UTC days, as reports ask for them (<c>?from=2025-01-01&amp;to=2025-01-31</c>).</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    /// <summary>The longest range a report covers, in days.</summary>
    public const int MaxDays = 400;

    /// <summary>The days a range covers when the caller gives none: the last 30, today included.</summary>
    public const int DefaultDays = 30;

    /// <summary>Every day: for all-time figures such as the budget used.</summary>
    public static DateRange AllTime { get; } = new(DateOnly.MinValue, DateOnly.MaxValue);

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>
    /// Reads <c>from</c> and <c>to</c> (ISO dates, both optional): <c>to</c> defaults to <paramref name="today"/>
    /// and <c>from</c> to <see cref="DefaultDays"/> days before <c>to</c>; errors carry <c>$.from</c> or <c>$.to</c>.
    /// </summary>
    public static Result<DateRange> Parse(string? from, string? to, DateOnly today)
    {
        var errors = new List<DomainError>();
        var end = ParseDay(to, "$.to", errors) ?? today;
        var start = ParseDay(from, "$.from", errors) ?? end.AddDays(1 - DefaultDays);
        if (errors.Count > 0)
        {
            return Result<DateRange>.Fail(errors);
        }

        if (start > end)
        {
            return new DomainError("invalid_range", "from must be on or before to.", "$.from");
        }

        var range = new DateRange(start, end);
        return range.Days > MaxDays
            ? new DomainError("range_too_long", $"A report covers at most {MaxDays} days; this range covers {range.Days}.", "$.to")
            : range;
    }

    /// <summary>The day before <see cref="From"/> and everything earlier, or null when nothing is earlier.</summary>
    public DateRange? Before() => From == DateOnly.MinValue ? null : new DateRange(DateOnly.MinValue, From.AddDays(-1));

    private static DateOnly? ParseDay(string? value, string path, List<DomainError> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new DomainError("invalid_date", $"'{value}' is not a date in the form yyyy-MM-dd.", path));
        return null;
    }
}
