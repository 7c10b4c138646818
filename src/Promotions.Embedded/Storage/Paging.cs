using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.Embedded.Storage;

/// <summary>Keyset pages: a query asks for one row more than the limit to learn whether another page exists.</summary>
internal static class Paging
{
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
        if (rows.Count <= limit)
        {
            return new Page<T>(rows, null);
        }

        rows.RemoveRange(limit, rows.Count - limit);
        return new Page<T>(rows, Cursor.Encode(key(rows[^1])));
    }
}
