using Promotions.Aws.Analytics;
using Promotions.Domain.Analytics;
using static Promotions.Contracts.Analytics.AnalyticsSamples;

namespace Promotions.Aws.Tests.Analytics;

/// <summary>How an event's sums are cut into transactions DynamoDB accepts.</summary>
public sealed class WritePlanTests
{
    [Fact]
    public void Build_WhenARedemptionReachesFewCells_IsOneTransactionEndingWithTheEventsClaim()
    {
        var redeemed = Redeemed("evt_1", "red_1", segments: ["seg_a"]);

        var plan = WritePlan.Build(redeemed.EventId, AnalyticsProjection.Apply(redeemed, RelatedFacts.None).Contributions, []);

        var unit = Assert.Single(Assert.Single(plan));
        Assert.True(unit.ClaimsEvent);
        Assert.Equal(13, unit.Cells.Count);
    }

    [Fact]
    public void Build_WhenARedemptionAndItsJoinedReversalReachHundredsOfCells_SplitsWithinTheLimitAndClaimsTheEventLast()
    {
        var segments = Enumerable.Range(0, 60).Select(i => $"seg_{i:D2}").ToArray();
        var redeemed = Redeemed("evt_big", "red_big", segments: segments);
        var reversed = Reversed("evt_back", "red_big", 10m, full: true);
        var alone = AnalyticsProjection.Apply(redeemed, RelatedFacts.None);
        var pairs = JoinPartners.Pairs(redeemed, alone, [reversed], []);

        var plan = WritePlan.Build(redeemed.EventId, alone.Contributions, pairs);

        Assert.All(plan, t => Assert.InRange(t.Sum(u => u.Items), 1, WritePlan.MaxTransactionItems));
        Assert.All(plan, t => Assert.Equal(t.SelectMany(u => u.Cells).Count(), t.SelectMany(u => u.Cells).Select(c => (c.Pk, c.Sk)).Distinct().Count()));
        var units = plan.SelectMany(t => t).ToList();
        Assert.True(units[^1].ClaimsEvent);
        Assert.Single(units, u => u.ClaimsEvent);
        Assert.Equal(units.Count, units.Select(u => u.Claim).Distinct().Count());
        Assert.Equal(10 + (3 * 60), units.Where(u => u.Claim.Pk.StartsWith("EVENT#", StringComparison.Ordinal)).Sum(u => u.Cells.Count));
        Assert.Equal(10 + (3 * 60), units.Where(u => u.Claim.Pk.StartsWith("PAIR#", StringComparison.Ordinal)).Sum(u => u.Cells.Count));
    }

    [Fact]
    public void Pairs_FromEitherSideOfAJoin_AreTheSamePairWithTheSameSums()
    {
        var redeemed = Redeemed("evt_r", "red_1", channel: "pos", segments: ["seg_a", "seg_b"]);
        var reversed = Reversed("evt_v", "red_1", 4m, full: true, day: 2);
        var codes = new Domain.Events.CodesGenerated("evt_c", Day0, "prm_1", "job_1", 40);
        var link = new Domain.Events.PromotionChanged("evt_l", Day0, "prm_1", "cmp_1", 2, Domain.Lifecycle.LifecycleStatus.Active);

        var fromRedemption = Assert.Single(JoinPartners.Pairs(redeemed, AnalyticsProjection.Apply(redeemed, RelatedFacts.None), [reversed], []));
        var fromReversal = Assert.Single(JoinPartners.Pairs(reversed, AnalyticsProjection.Apply(reversed, RelatedFacts.None), [redeemed], []));
        var fromCodes = Assert.Single(JoinPartners.Pairs(codes, AnalyticsProjection.Apply(codes, RelatedFacts.None), [], ["cmp_1"]));
        var fromLink = Assert.Single(JoinPartners.Pairs(link, AnalyticsProjection.Apply(link, RelatedFacts.None), [codes], []));

        Assert.Equal(fromRedemption.Id, fromReversal.Id);
        Assert.Equal(Sorted(fromRedemption), Sorted(fromReversal));
        Assert.Equal(fromCodes.Id, fromLink.Id);
        Assert.Equal(Sorted(fromCodes), Sorted(fromLink));
        Assert.All(fromCodes.Contributions, c => Assert.Equal(40, c.Delta.CodesIssued));
    }

    private static List<string> Sorted(JoinedPair pair) => [.. pair.Contributions.Select(c => c.ToString()).Order(StringComparer.Ordinal)];
}
