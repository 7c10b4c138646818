namespace Promotions.Domain.Analytics;

/// <summary>
/// How a scope's figures are broken down: <see cref="Total"/> (no breakdown, value ""), or by channel,
/// customer segment, campaign (within everything) or promotion (within everything or a campaign).
/// </summary>
public enum AnalyticsDimension
{
    Total,
    Channel,
    Segment,
    Campaign,
    Promotion,
}
