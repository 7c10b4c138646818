namespace Promotions.Domain.Analytics;

/// <summary>
/// Summed cells of a slice: a breakdown value (or "" for totals), the day when the slice is by day, a
/// currency (<see cref="BucketKey.NoCurrency"/> for code counts), the sums and the exact count of distinct
/// customers over the whole range.
/// </summary>
public sealed record AnalyticsRow(string Value, DateOnly? Day, string Currency, Measures Measures, long DistinctCustomers);
