namespace Promotions.Domain.Analytics;

/// <summary>
/// How a scope's figures are broken down: <see cref="Total"/> (no breakdown, value ""), or by channel,
/// customer segment, campaign (within everything), promotion (within everything or a campaign) or the stage of the
/// campaign's plan a redemption was recorded in (within a campaign; values by <see cref="StageKeys"/>).
/// </summary>
public enum AnalyticsDimension
{
    Total,
    Channel,
    Segment,
    Campaign,
    Promotion,
    Stage,
}
