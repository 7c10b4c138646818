namespace Promotions.Domain.Analytics;

/// <summary>
/// One read of the aggregates: the cells of a scope and breakdown within a date range, summed per breakdown
/// value and currency, and per day too when <paramref name="ByDay"/>.
/// </summary>
public sealed record AnalyticsSlice(AnalyticsScope Scope, string ScopeId, AnalyticsDimension Dimension, DateRange Range, bool ByDay = false);
