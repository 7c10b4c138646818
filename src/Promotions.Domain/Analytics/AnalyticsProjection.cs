using Promotions.Domain.Events;

namespace Promotions.Domain.Analytics;

/// <summary>
/// Turns one event into the sums it adds, given what earlier events under the same join key left behind.
/// A pair of events that must be combined (a reversal and its redemption; a code batch and its promotion's
/// campaign link) is combined by whichever of the two arrives second, so each pair counts exactly once in
/// any order. With deduplication by event id in front, the totals equal a single pass over the distinct events.
/// </summary>
public static class AnalyticsProjection
{
    /// <summary>
    /// The key under which <paramref name="domainEvent"/> meets its partners: the redemption id for
    /// redemptions and reversals, the promotion id for code batches and catalog events, the campaign id for
    /// budget thresholds; null for events that join nothing.
    /// </summary>
    public static string? JoinKey(DomainEvent domainEvent) => domainEvent switch
    {
        RedemptionRecorded r => r.RedemptionId,
        RedemptionReversed v => v.RedemptionId,
        CodesGenerated g => g.PromotionId,
        PromotionPublished p => p.PromotionId,
        PromotionChanged c => c.PromotionId,
        BudgetThresholdCrossed t => t.CampaignId,
        _ => null,
    };

    /// <summary>The change <paramref name="domainEvent"/> makes, given the facts stored under its join key.</summary>
    public static AnalyticsChange Apply(DomainEvent domainEvent, RelatedFacts related)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(related);
        return domainEvent switch
        {
            RedemptionRecorded r => Redeemed(r, related),
            RedemptionReversed v => Reversed(v, related),
            CodesGenerated g => CodesIssued(g, related),
            PromotionPublished p => Linked(p.PromotionId, p.CampaignId, related),
            PromotionChanged c => Linked(c.PromotionId, c.CampaignId, related),
            BudgetThresholdCrossed t => new AnalyticsChange([], [], t, null),

            // Holds that lapse or are released never charged anything analytics counts: only confirmed
            // redemptions (RedemptionRecorded) do.
            _ => AnalyticsChange.None,
        };
    }

    /// <summary>The UTC day an event counts on.</summary>
    public static DateOnly DayOf(DateTimeOffset occurredAt) => DateOnly.FromDateTime(occurredAt.UtcDateTime);

    private static AnalyticsChange Redeemed(RedemptionRecorded r, RelatedFacts related)
    {
        var day = DayOf(r.OccurredAt);
        var cells = CellKeys.Base(r.CampaignId, r.PromotionId);
        cells.AddRange(CellKeys.Attributes(r.CampaignId, r.PromotionId, r.Channel, r.SegmentIds, r.Stage));
        var delta = new Measures(
            Redemptions: 1,
            CodeRedemptions: r.Code is null ? 0 : 1,
            DiscountGiven: r.Discount,
            OrderRevenue: r.CountedRevenue);

        var contributions = cells.Select(c => new Contribution(Key(c, day, r.Currency), delta)).ToList();
        foreach (var reversal in related.Reversals)
        {
            contributions.AddRange(Joined(r, reversal));
        }

        List<CustomerMark> customers = r.CustomerId is { Length: > 0 } customer
            ? [.. cells.Select(c => new CustomerMark(Key(c, day, r.Currency), customer))]
            : [];
        return new AnalyticsChange(contributions, customers, r, null);
    }

    private static AnalyticsChange Reversed(RedemptionReversed v, RelatedFacts related)
    {
        var day = DayOf(v.OccurredAt);
        var delta = new Measures(Reversals: 1, FullReversals: v.Full ? 1 : 0, DiscountReversed: v.Amount);
        var contributions = CellKeys.Base(v.CampaignId, v.PromotionId)
            .Select(c => new Contribution(Key(c, day, v.Currency), delta))
            .ToList();
        foreach (var redemption in related.Redemptions)
        {
            contributions.AddRange(Joined(redemption, v));
        }

        return new AnalyticsChange(contributions, [], v, null);
    }

    /// <summary>
    /// What a reversal adds once its redemption is known, on the reversal's day: the reversal in the
    /// redemption's channel and segments and, for a full reversal, the order's revenue and code use taken
    /// back everywhere the redemption counted.
    /// </summary>
    private static IEnumerable<Contribution> Joined(RedemptionRecorded r, RedemptionReversed v)
    {
        var day = DayOf(v.OccurredAt);
        var attributes = CellKeys.Attributes(r.CampaignId, r.PromotionId, r.Channel, r.SegmentIds, r.Stage);
        var reversal = new Measures(Reversals: 1, FullReversals: v.Full ? 1 : 0, DiscountReversed: v.Amount);
        foreach (var cell in attributes)
        {
            yield return new Contribution(Key(cell, day, v.Currency), reversal);
        }

        if (!v.Full)
        {
            yield break;
        }

        var withdrawn = new Measures(CodeRedemptions: r.Code is null ? 0 : -1, RevenueReversed: r.CountedRevenue);
        foreach (var cell in CellKeys.Base(r.CampaignId, r.PromotionId).Concat(attributes))
        {
            yield return new Contribution(Key(cell, day, v.Currency), withdrawn);
        }
    }

    private static AnalyticsChange CodesIssued(CodesGenerated g, RelatedFacts related)
    {
        var day = DayOf(g.OccurredAt);
        var delta = new Measures(CodesIssued: g.Count);
        var cells = CellKeys.PromotionCodes(g.PromotionId);
        foreach (var campaign in related.Campaigns)
        {
            cells.AddRange(CellKeys.CampaignCodes(campaign, g.PromotionId));
        }

        return new AnalyticsChange([.. cells.Select(c => new Contribution(Key(c, day, BucketKey.NoCurrency), delta))], [], g, null);
    }

    private static AnalyticsChange Linked(string promotionId, string campaignId, RelatedFacts related)
    {
        if (string.IsNullOrEmpty(campaignId) || related.Campaigns.Contains(campaignId, StringComparer.Ordinal))
        {
            return AnalyticsChange.None;
        }

        var contributions = new List<Contribution>();
        foreach (var codes in related.Codes)
        {
            var day = DayOf(codes.OccurredAt);
            var delta = new Measures(CodesIssued: codes.Count);
            contributions.AddRange(CellKeys.CampaignCodes(campaignId, promotionId)
                .Select(c => new Contribution(Key(c, day, BucketKey.NoCurrency), delta)));
        }

        return new AnalyticsChange(contributions, [], null, new PromotionLink(promotionId, campaignId));
    }

    private static BucketKey Key((AnalyticsScope Scope, string Id, AnalyticsDimension Dimension, string Value) cell, DateOnly day, string currency) =>
        new(cell.Scope, cell.Id, cell.Dimension, cell.Value, day, currency);
}
