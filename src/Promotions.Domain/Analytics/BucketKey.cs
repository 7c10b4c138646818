namespace Promotions.Domain.Analytics;

/// <summary>
/// One aggregate cell: a scope, a breakdown value, a UTC day and a currency. Money never adds up across
/// currencies, so the currency is part of the key; code counts carry no money and use <see cref="NoCurrency"/>.
/// </summary>
public sealed record BucketKey(
    AnalyticsScope Scope,
    string ScopeId,
    AnalyticsDimension Dimension,
    string Value,
    DateOnly Day,
    string Currency)
{
    /// <summary>The currency of cells that count codes issued (no money in them).</summary>
    public const string NoCurrency = "";
}
