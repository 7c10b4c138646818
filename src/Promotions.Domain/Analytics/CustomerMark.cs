namespace Promotions.Domain.Analytics;

/// <summary>
/// A customer seen in a cell. Distinct customers are counted exactly from the set of these marks (a set,
/// so marking twice changes nothing), for any date range, not estimated.
/// </summary>
public sealed record CustomerMark(BucketKey Key, string CustomerId);
