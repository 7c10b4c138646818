using Promotions.Domain.Analytics;
using Promotions.Domain.Campaigns;
using static Promotions.Contracts.Analytics.AnalyticsEvents;

namespace Promotions.Domain.Tests.Analytics;

public sealed class AnalyticsProjectionTests
{
    private static readonly DateOnly Day0Date = DateOnly.FromDateTime(Day0.UtcDateTime);

    [Fact]
    public void Apply_WhenFullReversalArrivesBeforeItsRedemption_NetsOutInEveryBreakdown()
    {
        var analytics = new InMemoryAnalytics();
        analytics.Apply(Reversed("evt_2", "red_1", "prm_1", "cmp_1", 1, 10m, full: true));
        analytics.Apply(Redeemed("evt_1", "red_1", "prm_1", "cmp_1", 0, 10m, 120m, channel: "app", code: "SPRING", segments: "seg_vip"));

        var channel = Sum(analytics, AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Channel, "app");
        var segment = Sum(analytics, AnalyticsScope.All, "", AnalyticsDimension.Segment, "seg_vip");
        var total = Sum(analytics, AnalyticsScope.Promotion, "prm_1", AnalyticsDimension.Total, "");

        foreach (var m in new[] { channel, segment, total })
        {
            Assert.Equal(0, m.NetRedemptions);
            Assert.Equal(0m, m.NetDiscount);
            Assert.Equal(0m, m.AttributedRevenue);
            Assert.Equal(0, m.CodeRedemptions);
            Assert.Equal(1, m.Reversals);
        }
    }

    [Fact]
    public void Apply_AnOrderRedeemedWithTwoPromotions_CountsItsRevenueOnceInTheCampaignAndOverview()
    {
        // One order of 200.00: 30.00 off by one promotion and 10.00 by another; revenue credited 150.00 and 50.00.
        var analytics = new InMemoryAnalytics();
        analytics.Apply(Redeemed("evt_1", "rdm_1-1", "prm_1", "cmp_1", 0, 30m, 200m) with { Revenue = 150m });
        analytics.Apply(Redeemed("evt_2", "rdm_1-2", "prm_2", "cmp_1", 0, 10m, 200m) with { Revenue = 50m });
        analytics.Apply(Reversed("evt_3", "rdm_1-2", "prm_2", "cmp_1", 1, 10m, full: true));

        var campaign = Sum(analytics, AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Total, "");
        var first = Sum(analytics, AnalyticsScope.Promotion, "prm_1", AnalyticsDimension.Total, "");
        var second = Sum(analytics, AnalyticsScope.Promotion, "prm_2", AnalyticsDimension.Total, "");

        Assert.Equal((200m, 50m, 150m), (campaign.OrderRevenue, campaign.RevenueReversed, campaign.AttributedRevenue));
        Assert.Equal((1, 30m, 150m), (first.NetRedemptions, first.NetDiscount, first.AttributedRevenue));
        Assert.Equal((0, 0m, 0m), (second.NetRedemptions, second.NetDiscount, second.AttributedRevenue));
    }

    [Fact]
    public void Apply_AnEventWrittenBeforeRevenueShares_CreditsTheOrderTotal()
    {
        var analytics = new InMemoryAnalytics();
        analytics.Apply(Redeemed("evt_1", "red_1", "prm_1", "cmp_1", 0, 20m, 120m));

        Assert.Equal(120m, Sum(analytics, AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Total, "").OrderRevenue);
    }

    [Fact]
    public void Apply_WhenPartialReversal_KeepsRevenueAndCodeUseAndReducesDiscount()
    {
        var analytics = new InMemoryAnalytics();
        analytics.Apply(Redeemed("evt_1", "red_1", "prm_1", "cmp_1", 0, 20m, 200m, code: "SPRING"));
        analytics.Apply(Reversed("evt_2", "red_1", "prm_1", "cmp_1", 0, 5m, full: false));

        var m = Sum(analytics, AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Total, "");

        Assert.Equal(1, m.NetRedemptions);
        Assert.Equal(15m, m.NetDiscount);
        Assert.Equal(200m, m.AttributedRevenue);
        Assert.Equal(1, m.CodeRedemptions);
        Assert.Equal(12.3333m, m.Roi);
    }

    [Fact]
    public void Apply_WhenCodesComeBeforeTheCampaignLink_CountsThemInTheCampaignOnce()
    {
        var analytics = new InMemoryAnalytics();
        analytics.Apply(CodesIssued("evt_1", "prm_1", 0, 1000));
        analytics.Apply(Published("evt_2", "prm_1", "cmp_1", 0));
        analytics.Apply(Changed("evt_3", "prm_1", "cmp_1", 1));
        analytics.Apply(CodesIssued("evt_4", "prm_1", 1, 500));
        analytics.Apply(Redeemed("evt_5", "red_1", "prm_1", "cmp_1", 1, 5m, 50m, code: "A"));

        var campaign = Sum(analytics, AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Total, "");

        Assert.Equal(1500, campaign.CodesIssued);
        Assert.Equal(1, campaign.CodeRedemptions);
        Assert.Equal(0.000667m, campaign.RedemptionRate);
    }

    [Fact]
    public void Apply_WhenRedemptionsAreOnDifferentDays_CountsEachOnItsUtcDay()
    {
        var analytics = new InMemoryAnalytics();
        analytics.Apply(Redeemed("evt_1", "red_1", "prm_1", "cmp_1", 0, 5m, 50m));
        analytics.Apply(Redeemed("evt_2", "red_2", "prm_1", "cmp_1", 2, 7m, 70m));

        var days = analytics.Cells.Keys
            .Where(k => k is { Scope: AnalyticsScope.Campaign, Dimension: AnalyticsDimension.Total })
            .Select(k => k.Day)
            .Order()
            .ToList();

        Assert.Equal([Day0Date, Day0Date.AddDays(2)], days);
    }

    [Fact]
    public void Apply_WhenSameCustomerRedeemsTwice_MarksTheCustomerOncePerCell()
    {
        var analytics = new InMemoryAnalytics();
        analytics.Apply(Redeemed("evt_1", "red_1", "prm_1", "cmp_1", 0, 5m, 50m, customerId: "cus_9"));
        analytics.Apply(Redeemed("evt_2", "red_2", "prm_1", "cmp_1", 0, 5m, 50m, customerId: "cus_9"));

        var marks = analytics.Customers.Count(c => c.Key is { Scope: AnalyticsScope.All, Dimension: AnalyticsDimension.Total });

        Assert.Equal(1, marks);
    }

    [Fact]
    public void Apply_RedemptionsOfTwoStages_CountEachInItsStageAndOlderEventsUnderNoStage()
    {
        var analytics = new InMemoryAnalytics();
        analytics.Apply(Redeemed("evt_1", "red_1", "prm_1", "cmp_1", 0, 10m, 100m) with { Stage = new CampaignStage(0, "teaser"), Revenue = 100m });
        analytics.Apply(Redeemed("evt_2", "red_2", "prm_1", "cmp_1", 1, 20m, 80m) with { Stage = new CampaignStage(1, "launch"), Revenue = 80m });
        analytics.Apply(Redeemed("evt_3", "red_3", "prm_1", "cmp_1", 1, 5m, 40m) with { Stage = new CampaignStage(1, "launch"), Revenue = 40m });
        analytics.Apply(Redeemed("evt_4", "red_4", "prm_1", "cmp_1", 1, 1m, 10m));

        var teaser = Sum(analytics, AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Stage, "00:teaser");
        var launch = Sum(analytics, AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Stage, "01:launch");
        var none = Sum(analytics, AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Stage, StageKeys.None);
        var total = Sum(analytics, AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Total, "");

        Assert.Equal((1, 10m, 100m), (teaser.Redemptions, teaser.DiscountGiven, teaser.OrderRevenue));
        Assert.Equal((2, 25m, 120m), (launch.Redemptions, launch.DiscountGiven, launch.OrderRevenue));
        Assert.Equal((1, 1m, 10m), (none.Redemptions, none.DiscountGiven, none.OrderRevenue));
        Assert.Equal(total, teaser + launch + none);
        Assert.DoesNotContain(analytics.Cells.Keys, k => k.Dimension == AnalyticsDimension.Stage && k.Scope != AnalyticsScope.Campaign);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Apply_WhenARedemptionIsReversedInALaterStage_SubtractsFromTheRedemptionsStage(bool reversalFirst)
    {
        var analytics = new InMemoryAnalytics();
        var redeemed = Redeemed("evt_1", "red_1", "prm_1", "cmp_1", 0, 12m, 100m, code: "TEASE") with { Stage = new CampaignStage(0, "teaser"), Revenue = 100m };
        var reversed = Reversed("evt_2", "red_1", "prm_1", "cmp_1", 3, 12m, full: true);
        foreach (var e in reversalFirst ? new Domain.Events.DomainEvent[] { reversed, redeemed } : [redeemed, reversed])
        {
            analytics.Apply(e);
        }

        var teaser = Sum(analytics, AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Stage, "00:teaser");

        Assert.Equal((1, 0, 1, 0m, 0m), (teaser.Redemptions, teaser.NetRedemptions, teaser.Reversals, teaser.NetDiscount, teaser.AttributedRevenue));
        Assert.Single(analytics.Cells.Keys, k => k.Dimension == AnalyticsDimension.Stage && k.Day == Day0Date.AddDays(3));
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(0, "00:teaser")]
    [InlineData(12, "12:last: chance")]
    public void StageKeys_OfAStage_ReadsBackAsTheSameStage(int? index, string value)
    {
        var stage = index is { } i ? new CampaignStage(i, value[3..]) : null;

        Assert.Equal(value, StageKeys.Of(stage));
        Assert.Equal(stage, StageKeys.Parse(value));
    }

    [Fact]
    public void Measures_WhenNothingWasSpentOrIssued_HaveNoRoiAndNoRate()
    {
        var m = new Measures(Redemptions: 1, OrderRevenue: 10m);

        Assert.Null(m.Roi);
        Assert.Null(m.RedemptionRate);
    }

    private static Measures Sum(InMemoryAnalytics analytics, AnalyticsScope scope, string id, AnalyticsDimension dimension, string value) =>
        analytics.Cells
            .Where(c => c.Key.Scope == scope && c.Key.ScopeId == id && c.Key.Dimension == dimension && c.Key.Value == value)
            .Aggregate(default(Measures), (sum, c) => sum + c.Value);
}
