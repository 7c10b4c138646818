using CsCheck;
using Promotions.Contracts.Analytics;
using Promotions.Domain.Analytics;

namespace Promotions.Domain.Tests.Analytics;

public sealed class AnalyticsPropertyTests
{
    [Fact]
    public void Apply_WhenEveryEventIsDeliveredUpToThreeTimesInAnyOrder_EqualsASinglePassOverTheDistinctEvents()
    {
        AnalyticsScenario.Generator.Sample(
            scenario =>
            {
                var projected = new InMemoryAnalytics();
                foreach (var e in scenario.Delivery())
                {
                    projected.Apply(e);
                }

                var (cells, customers) = ReferenceAnalytics.Compute(scenario.Events);
                AssertSameCells(cells, projected.Cells);
                Assert.True(customers.SetEquals(projected.Customers), "The customer marks differ from the reference.");
            },
            iter: 500,
            print: s => s.ToString());
    }

    [Fact]
    public void Apply_WhenAnEventIdComesAgain_ReturnsFalseAndChangesNothing()
    {
        var analytics = new InMemoryAnalytics();
        var redeemed = AnalyticsEvents.Redeemed("evt_1", "red_1", "prm_1", "cmp_1", 0, 10m, 100m);

        Assert.True(analytics.Apply(redeemed));
        var before = new Dictionary<BucketKey, Measures>(analytics.Cells);
        Assert.False(analytics.Apply(redeemed with { }));

        AssertSameCells(before, analytics.Cells);
    }

    // Zero cells are left out (a sum may cancel); a failure names the cell that differs.
    private static void AssertSameCells(Dictionary<BucketKey, Measures> expected, Dictionary<BucketKey, Measures> actual)
    {
        var expectedKeys = expected.Where(c => c.Value != default).Select(c => c.Key.ToString()).Order(StringComparer.Ordinal).ToList();
        var actualKeys = actual.Where(c => c.Value != default).Select(c => c.Key.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedKeys, actualKeys);
        foreach (var (key, measures) in expected)
        {
            Assert.True(measures == actual.GetValueOrDefault(key), $"{key}: expected {measures}, got {actual.GetValueOrDefault(key)}");
        }
    }
}
