using Promotions.Domain.Analytics;
using Promotions.Domain.Events;
using static Promotions.Embedded.Tests.Analytics.AnalyticsSamples;

namespace Promotions.Embedded.Tests.Analytics;

public sealed class SqliteAnalyticsStoreTests
{
    private static readonly (AnalyticsScope, string)[] Scopes =
    [
        (AnalyticsScope.All, ""), (AnalyticsScope.Campaign, "cmp_1"),
        (AnalyticsScope.Promotion, "prm_0"), (AnalyticsScope.Promotion, "prm_1"), (AnalyticsScope.Promotion, "prm_2"),
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Apply_WhenEveryEventComesTwiceShuffled_ReadsTheSameAsOneOrderedPass(int seed)
    {
        var events = RandomSet(seed, 30);
        using var ordered = new AnalyticsStoreFixture();
        using var shuffled = new AnalyticsStoreFixture();
        foreach (var e in events)
        {
            Assert.True(await ordered.Store.ApplyAsync(e, CancellationToken.None));
        }

        var delivery = events.Concat(events.Select(e => e with { })).ToArray();
        new Random(seed).Shuffle(delivery);
        var applied = 0;
        foreach (var e in delivery)
        {
            applied += await shuffled.Store.ApplyAsync(e, CancellationToken.None) ? 1 : 0;
        }

        Assert.Equal(events.Count, applied);
        Assert.Equal(await ordered.SnapshotAsync(Scopes), await shuffled.SnapshotAsync(Scopes));
    }

    [Fact]
    public async Task Apply_WhenTheSameEventRacesFrom150Tasks_CountsItOnceBesideTheOthers()
    {
        using var fixture = new AnalyticsStoreFixture();
        var same = Redeemed("evt_same", "red_same", discount: 10m);
        var others = Enumerable.Range(0, 50).Select(i => Redeemed($"evt_{i}", $"red_{i}", discount: 1m)).ToList();

        var work = Enumerable.Range(0, 150).Select(_ => (DomainEvent)(same with { })).Concat(others)
            .Select(e => Task.Run(() => fixture.Store.ApplyAsync(e, CancellationToken.None)))
            .ToList();
        var results = await Task.WhenAll(work);

        Assert.Equal(51, results.Count(applied => applied));
        var total = Assert.Single(await fixture.Store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Total, DateRange.AllTime), CancellationToken.None));
        Assert.Equal(51, total.Measures.Redemptions);
        Assert.Equal(60m, total.Measures.DiscountGiven);
    }

    [Fact]
    public async Task Read_WhenCustomersRedeemOnSeveralDays_CountsDistinctCustomersInTheRangeExactly()
    {
        using var fixture = new AnalyticsStoreFixture();
        await fixture.Store.ApplyAsync(Redeemed("evt_1", "red_1", day: 0, customerId: "cus_a"), CancellationToken.None);
        await fixture.Store.ApplyAsync(Redeemed("evt_2", "red_2", day: 1, customerId: "cus_a"), CancellationToken.None);
        await fixture.Store.ApplyAsync(Redeemed("evt_3", "red_3", day: 1, customerId: "cus_b"), CancellationToken.None);
        await fixture.Store.ApplyAsync(Redeemed("evt_4", "red_4", day: 3, customerId: "cus_c"), CancellationToken.None);

        var day0 = DateOnly.FromDateTime(Day0.UtcDateTime);
        var firstTwoDays = Assert.Single(await fixture.Store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.All, "", AnalyticsDimension.Total, new DateRange(day0, day0.AddDays(1))), CancellationToken.None));
        var byDay = await fixture.Store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.All, "", AnalyticsDimension.Total, DateRange.AllTime, ByDay: true), CancellationToken.None);

        Assert.Equal(3, firstTwoDays.Measures.Redemptions);
        Assert.Equal(2, firstTwoDays.DistinctCustomers);
        Assert.Equal([1L, 2L, 1L], byDay.Select(r => r.DistinctCustomers));
    }

    [Fact]
    public async Task Apply_WhenReversalIsStoredBeforeItsRedemption_NetsOutInTheChannel()
    {
        using var fixture = new AnalyticsStoreFixture();
        await fixture.Store.ApplyAsync(Reversed("evt_2", "red_1", 10m, full: true, day: 1), CancellationToken.None);
        await fixture.Store.ApplyAsync(Redeemed("evt_1", "red_1", channel: "pos", discount: 10m, orderTotal: 80m), CancellationToken.None);

        var pos = Assert.Single(await fixture.Store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Channel, DateRange.AllTime), CancellationToken.None));

        Assert.Equal("pos", pos.Value);
        Assert.Equal(0, pos.Measures.NetRedemptions);
        Assert.Equal(0m, pos.Measures.NetDiscount);
        Assert.Equal(0m, pos.Measures.AttributedRevenue);
    }

    [Fact]
    public async Task Park_WhenTheSameUnknownEventComesTwice_KeepsItOnce()
    {
        using var fixture = new AnalyticsStoreFixture();

        Assert.True(await fixture.Store.ParkAsync("evt_9", "offers_served", 1, "{}", CancellationToken.None));
        Assert.False(await fixture.Store.ParkAsync("evt_9", "offers_served", 1, "{}", CancellationToken.None));
    }

    [Fact]
    public async Task Thresholds_WhenCrossed_ReturnsThemOldestFirst()
    {
        using var fixture = new AnalyticsStoreFixture();
        await fixture.Store.ApplyAsync(new BudgetThresholdCrossed("evt_b", Day0.AddDays(2), "cmp_1", 80, 800m, 1000m, "EUR"), CancellationToken.None);
        await fixture.Store.ApplyAsync(new BudgetThresholdCrossed("evt_a", Day0, "cmp_1", 50, 500m, 1000m, "EUR"), CancellationToken.None);

        var crossed = await fixture.Store.ThresholdsAsync("cmp_1", CancellationToken.None);

        Assert.Equal([50, 80], crossed.Select(t => t.ThresholdPercent));
    }
}
