namespace Promotions.Domain.Analytics;

/// <summary>
/// The (scope, breakdown) pairs an event counts in. Every event counts in everything, its campaign and its
/// promotion, each as a total; the cross breakdowns (campaigns and promotions within everything, promotions
/// within a campaign) need only ids every event carries, while channel and segment come from the redemption.
/// </summary>
internal static class CellKeys
{
    /// <summary>The cells a reversal can reach on its own: the totals and cross breakdowns.</summary>
    public static List<(AnalyticsScope Scope, string Id, AnalyticsDimension Dimension, string Value)> Base(string? campaignId, string promotionId)
    {
        var cells = new List<(AnalyticsScope, string, AnalyticsDimension, string)>();
        foreach (var (scope, id) in Scopes(campaignId, promotionId))
        {
            cells.Add((scope, id, AnalyticsDimension.Total, ""));
        }

        cells.Add((AnalyticsScope.All, "", AnalyticsDimension.Promotion, promotionId));
        if (!string.IsNullOrEmpty(campaignId))
        {
            cells.Add((AnalyticsScope.All, "", AnalyticsDimension.Campaign, campaignId));
            cells.Add((AnalyticsScope.Campaign, campaignId, AnalyticsDimension.Promotion, promotionId));
        }

        return cells;
    }

    /// <summary>
    /// The cells only a redemption knows: its channel and its customer's segments, in every scope, and the stage of its
    /// campaign's plan it was recorded in (<see cref="StageKeys"/>), within its campaign.
    /// </summary>
    public static List<(AnalyticsScope Scope, string Id, AnalyticsDimension Dimension, string Value)> Attributes(
        string? campaignId, string promotionId, string channel, IReadOnlyList<string> segmentIds, Campaigns.CampaignStage? stage)
    {
        var cells = new List<(AnalyticsScope, string, AnalyticsDimension, string)>();
        if (!string.IsNullOrEmpty(campaignId))
        {
            cells.Add((AnalyticsScope.Campaign, campaignId, AnalyticsDimension.Stage, StageKeys.Of(stage)));
        }

        foreach (var (scope, id) in Scopes(campaignId, promotionId))
        {
            cells.Add((scope, id, AnalyticsDimension.Channel, channel));
            foreach (var segment in segmentIds.Distinct(StringComparer.Ordinal))
            {
                cells.Add((scope, id, AnalyticsDimension.Segment, segment));
            }
        }

        return cells;
    }

    /// <summary>The cells a count of codes issued for a promotion reaches without knowing its campaign.</summary>
    public static List<(AnalyticsScope Scope, string Id, AnalyticsDimension Dimension, string Value)> PromotionCodes(string promotionId) =>
    [
        (AnalyticsScope.All, "", AnalyticsDimension.Total, ""),
        (AnalyticsScope.All, "", AnalyticsDimension.Promotion, promotionId),
        (AnalyticsScope.Promotion, promotionId, AnalyticsDimension.Total, ""),
    ];

    /// <summary>The cells a count of codes reaches once the promotion's campaign is known.</summary>
    public static List<(AnalyticsScope Scope, string Id, AnalyticsDimension Dimension, string Value)> CampaignCodes(string campaignId, string promotionId) =>
    [
        (AnalyticsScope.All, "", AnalyticsDimension.Campaign, campaignId),
        (AnalyticsScope.Campaign, campaignId, AnalyticsDimension.Total, ""),
        (AnalyticsScope.Campaign, campaignId, AnalyticsDimension.Promotion, promotionId),
    ];

    private static IEnumerable<(AnalyticsScope Scope, string Id)> Scopes(string? campaignId, string promotionId)
    {
        yield return (AnalyticsScope.All, "");
        if (!string.IsNullOrEmpty(campaignId))
        {
            yield return (AnalyticsScope.Campaign, campaignId);
        }

        yield return (AnalyticsScope.Promotion, promotionId);
    }
}
