using Promotions.Domain.Common;

namespace Promotions.AdminApi.Common;

/// <summary>The body of every list: one page of items and the cursor of the next page (absent on the last).</summary>
internal sealed record ListResponse<T>(IReadOnlyList<T> Items, string? NextCursor)
{
    public static ListResponse<T> From<TSource>(Page<TSource> page, Func<TSource, T> map) =>
        new([.. page.Items.Select(map)], page.NextCursor);
}
