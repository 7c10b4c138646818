using System.Globalization;
using Promotions.Domain.Ports;

namespace Promotions.Domain.Common;

/// <summary>
/// Keyset pages, as every store builds them: a query asks for one row more than the limit to learn whether another
/// page exists, and the cursor is the key of the last item kept. Ranked lists (a text search) page by offset instead,
/// under cursors of their own shape (<see cref="OffsetCursor"/>).
/// </summary>
public static class Pages
{
    private const string OffsetPrefix = "o:";

    /// <summary>The limit checked (a bad one is a bug in the caller, which validates user input) plus one.</summary>
    public static int FetchSize(ListQuery page)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(page.Limit, 1, nameof(page));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(page.Limit, ListQuery.MaxLimit, nameof(page));
        return page.Limit + 1;
    }

    /// <summary>Cuts the extra row off and, when there was one, points the cursor at the last kept item.</summary>
    public static Page<T> ToPage<T>(List<T> rows, int limit, Func<T, string> key)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(key);
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        rows.RemoveRange(limit, rows.Count - limit);
        return new Page<T>(rows, Cursor.Encode(key(rows[^1])));
    }

    /// <summary>
    /// Cuts a ranked page of <paramref name="ranked"/> (read with one extra item after the page's
    /// <paramref name="offset"/>) to <paramref name="limit"/>, with the cursor of the next offset when there is more.
    /// </summary>
    public static Page<T> ToRankedPage<T>(List<T> ranked, int limit, long offset)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        if (ranked.Count <= limit)
        {
            return new Page<T>(ranked, null);
        }

        ranked.RemoveRange(limit, ranked.Count - limit);
        return new Page<T>(ranked, OffsetCursor(offset + limit));
    }

    /// <summary>The cursor of a ranked page that starts at <paramref name="offset"/>.</summary>
    public static string OffsetCursor(long offset) => Cursor.Encode(OffsetPrefix + offset.ToString(CultureInfo.InvariantCulture));

    /// <summary>The offset a ranked page starts at; a decoded cursor of another shape (an id from a keyset list) starts over.</summary>
    public static long OffsetOf(string? after) =>
        after is not null
        && after.StartsWith(OffsetPrefix, StringComparison.Ordinal)
        && long.TryParse(after.AsSpan(OffsetPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? offset
            : 0;
}
