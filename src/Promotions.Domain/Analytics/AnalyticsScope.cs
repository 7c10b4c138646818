namespace Promotions.Domain.Analytics;

/// <summary>Whose performance a bucket counts: everything, one campaign, or one promotion.</summary>
public enum AnalyticsScope
{
    All,
    Campaign,
    Promotion,
}
