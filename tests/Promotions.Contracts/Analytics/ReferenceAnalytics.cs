using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Contracts.Analytics;

/// <summary>
/// The definition of the aggregates as one pass over a set of distinct events that sees all of them at once:
/// every redemption counts where it belongs, every reversal counts in its promotion's and campaign's totals
/// and, through its redemption, in the redemption's channel, segments and stage; a full reversal takes the order's
/// revenue and code use back; codes count in their promotion and in every campaign it was linked to.
/// </summary>
public static class ReferenceAnalytics
{
    public static (Dictionary<BucketKey, Measures> Cells, HashSet<CustomerMark> Customers) Compute(IEnumerable<DomainEvent> distinct)
    {
        var events = distinct.ToList();
        var cells = new Dictionary<BucketKey, Measures>();
        var customers = new HashSet<CustomerMark>();
        var redemptions = events.OfType<RedemptionRecorded>().ToLookup(r => r.RedemptionId);
        var links = events.Select(LinkOf).OfType<PromotionLink>().Distinct().ToLookup(l => l.PromotionId, l => l.CampaignId);

        void Add(IEnumerable<(AnalyticsScope, string, AnalyticsDimension, string)> where, DateTimeOffset at, string currency, Measures delta)
        {
            foreach (var (scope, id, dimension, value) in where)
            {
                var key = new BucketKey(scope, id, dimension, value, DateOnly.FromDateTime(at.UtcDateTime), currency);
                cells[key] = cells.GetValueOrDefault(key) + delta;
            }
        }

        foreach (var r in events.OfType<RedemptionRecorded>())
        {
            var all = Totals(r.CampaignId, r.PromotionId).Concat(ChannelAndSegments(r)).ToList();
            Add(all, r.OccurredAt, r.Currency, new Measures(Redemptions: 1, CodeRedemptions: r.Code is null ? 0 : 1, DiscountGiven: r.Discount, OrderRevenue: r.OrderTotal));
            if (r.CustomerId is not null)
            {
                customers.UnionWith(all.Select(c => new CustomerMark(
                    new BucketKey(c.Item1, c.Item2, c.Item3, c.Item4, DateOnly.FromDateTime(r.OccurredAt.UtcDateTime), r.Currency), r.CustomerId)));
            }
        }

        foreach (var v in events.OfType<RedemptionReversed>())
        {
            var reversal = new Measures(Reversals: 1, FullReversals: v.Full ? 1 : 0, DiscountReversed: v.Amount);
            Add(Totals(v.CampaignId, v.PromotionId), v.OccurredAt, v.Currency, reversal);
            foreach (var r in redemptions[v.RedemptionId])
            {
                Add(ChannelAndSegments(r), v.OccurredAt, v.Currency, reversal);
                if (v.Full)
                {
                    Add(Totals(r.CampaignId, r.PromotionId).Concat(ChannelAndSegments(r)), v.OccurredAt, v.Currency,
                        new Measures(CodeRedemptions: r.Code is null ? 0 : -1, RevenueReversed: r.OrderTotal));
                }
            }
        }

        foreach (var g in events.OfType<CodesGenerated>())
        {
            var codes = new Measures(CodesIssued: g.Count);
            Add(Totals(null, g.PromotionId), g.OccurredAt, BucketKey.NoCurrency, codes);
            foreach (var campaign in links[g.PromotionId])
            {
                Add(Totals(campaign, g.PromotionId).Except(Totals(null, g.PromotionId)), g.OccurredAt, BucketKey.NoCurrency, codes);
            }
        }

        return (cells, customers);
    }

    private static PromotionLink? LinkOf(DomainEvent e) => e switch
    {
        PromotionPublished p when p.CampaignId.Length > 0 => new PromotionLink(p.PromotionId, p.CampaignId),
        PromotionChanged c when c.CampaignId.Length > 0 => new PromotionLink(c.PromotionId, c.CampaignId),
        _ => null,
    };

    private static IEnumerable<(AnalyticsScope, string, AnalyticsDimension, string)> Totals(string? campaign, string promotion)
    {
        yield return (AnalyticsScope.All, "", AnalyticsDimension.Total, "");
        yield return (AnalyticsScope.All, "", AnalyticsDimension.Promotion, promotion);
        yield return (AnalyticsScope.Promotion, promotion, AnalyticsDimension.Total, "");
        if (campaign is not null)
        {
            yield return (AnalyticsScope.All, "", AnalyticsDimension.Campaign, campaign);
            yield return (AnalyticsScope.Campaign, campaign, AnalyticsDimension.Total, "");
            yield return (AnalyticsScope.Campaign, campaign, AnalyticsDimension.Promotion, promotion);
        }
    }

    private static IEnumerable<(AnalyticsScope, string, AnalyticsDimension, string)> ChannelAndSegments(RedemptionRecorded r)
    {
        var scopes = new List<(AnalyticsScope, string)> { (AnalyticsScope.All, ""), (AnalyticsScope.Promotion, r.PromotionId) };
        if (r.CampaignId is not null)
        {
            scopes.Add((AnalyticsScope.Campaign, r.CampaignId));

            // The stage a redemption was recorded in, within its campaign; "" when none (events before stages included).
            yield return (AnalyticsScope.Campaign, r.CampaignId, AnalyticsDimension.Stage,
                r.Stage is null ? "" : $"{r.Stage.Index:D2}:{r.Stage.Name}");
        }

        foreach (var (scope, id) in scopes)
        {
            yield return (scope, id, AnalyticsDimension.Channel, r.Channel);
            foreach (var segment in r.SegmentIds.Distinct())
            {
                yield return (scope, id, AnalyticsDimension.Segment, segment);
            }
        }
    }
}
