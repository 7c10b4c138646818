namespace Promotions.Domain.Common;

/// <summary>One page of a list, and the opaque cursor of the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);
