using System.Globalization;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.AdminApi.Common;

/// <summary>The <c>?cursor=&amp;limit=</c> pair of every list, read once so each list reports bad values the same way.</summary>
internal static class Paging
{
    public const int DefaultLimit = 50;

    /// <summary>The page asked for, or null with the errors added to <paramref name="errors"/>.</summary>
    public static ListQuery? Parse(string? cursor, string? limit, List<DomainError> errors)
    {
        var decoded = Cursor.Decode(cursor);
        errors.AddRange(decoded.Errors);
        var size = DefaultLimit;
        if (limit is not null
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > ListQuery.MaxLimit))
        {
            errors.Add(new DomainError("invalid_limit", $"limit must be a whole number from 1 to {ListQuery.MaxLimit}.", "$.limit"));
        }

        return errors.Count == 0 ? new ListQuery(decoded.Value, size) : null;
    }
}
