using CsCheck;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;
using static Promotions.Contracts.Analytics.AnalyticsSamples;

namespace Promotions.Contracts.Analytics;

/// <summary>
/// What every analytics store promises, run against each adapter: each event counted once whatever the order,
/// duplication and concurrency of delivery; joins (a reversal and its redemption, code batches and their
/// promotion's campaign) combined exactly once by whichever side comes second; exact distinct customers;
/// unknown events parked once; thresholds kept.
/// </summary>
public abstract class AnalyticsStoreContract
{
    /// <summary>A new, empty store (its own database or table), so no test sees another's cells.</summary>
    protected abstract Task<IAnalyticsStore> NewStoreAsync();

    /// <summary>Redemptions in the generated event sets; an adapter that is slow per call (an emulator) uses fewer.</summary>
    protected virtual int SampleRedemptions => 30;

    /// <summary>Generated scenarios the property test runs.</summary>
    protected virtual int PropertyIterations => 40;

    private static DateOnly Day0Date => DateOnly.FromDateTime(Day0.UtcDateTime);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Apply_WhenEveryEventComesTwiceShuffled_ReadsTheSameAsOneOrderedPass(int seed)
    {
        var events = RandomSet(seed, SampleRedemptions);
        var ordered = await NewStoreAsync();
        var shuffled = await NewStoreAsync();
        foreach (var e in events)
        {
            Assert.True(await ordered.ApplyAsync(e, CancellationToken.None));
        }

        var delivery = events.Concat(events.Select(e => e with { })).ToArray();
        new Random(seed).Shuffle(delivery);
        var applied = 0;
        foreach (var e in delivery)
        {
            applied += await shuffled.ApplyAsync(e, CancellationToken.None) ? 1 : 0;
        }

        var scopes = AnalyticsSnapshot.ScopesOf(events);
        var once = await AnalyticsSnapshot.ReadAsync(ordered, scopes);
        Assert.Equal(events.Count, applied);
        Assert.Equal(AnalyticsSnapshot.Reference(events, scopes), once);
        Assert.Equal(once, await AnalyticsSnapshot.ReadAsync(shuffled, scopes));
    }

    [Theory]
    [InlineData(3, 1)]
    [InlineData(4, 17)]
    [InlineData(5, 1000)]
    public async Task ApplyAll_WhenEveryEventComesTwiceShuffledInBatches_ReadsTheSameAsOneOrderedPass(int seed, int maxBatch)
    {
        // Batches of random sizes, so the two copies of an event, and the two sides of a join, fall in one batch or two.
        var events = RandomSet(seed, SampleRedemptions);
        var store = await NewStoreAsync();
        var delivery = events.Concat(events.Select(e => e with { })).ToArray();
        var random = new Random(seed);
        random.Shuffle(delivery);

        var applied = new List<bool>();
        for (var start = 0; start < delivery.Length;)
        {
            var batch = delivery[start..Math.Min(delivery.Length, start + random.Next(1, maxBatch + 1))];
            var flags = await store.ApplyAllAsync(batch, CancellationToken.None);
            Assert.Equal(batch.Length, flags.Count);
            applied.AddRange(flags);
            start += batch.Length;
        }

        var scopes = AnalyticsSnapshot.ScopesOf(events);
        Assert.Equal(events.Count, applied.Count(a => a));
        Assert.Equal(AnalyticsSnapshot.Reference(events, scopes), await AnalyticsSnapshot.ReadAsync(store, scopes));
    }

    [Fact]
    public async Task Apply_WhenEventsComeUpToThreeTimesInAnyOrder_ReadsAsTheReferenceSinglePassOverTheDistinctEvents()
    {
        await AnalyticsScenario.Generator.SampleAsync(
            async scenario =>
            {
                var store = await NewStoreAsync();
                foreach (var e in scenario.Delivery())
                {
                    await store.ApplyAsync(e, CancellationToken.None);
                }

                var scopes = AnalyticsSnapshot.ScopesOf(scenario.Events);
                Assert.Equal(AnalyticsSnapshot.Reference(scenario.Events, scopes), await AnalyticsSnapshot.ReadAsync(store, scopes));
            },
            iter: PropertyIterations,
            threads: 2,
            print: s => s.ToString());
    }

    [Fact]
    public async Task Apply_WhenTheSameEventRacesFrom150Tasks_CountsItOnceBesideTheOthers()
    {
        var store = await NewStoreAsync();
        var same = Redeemed("evt_same", "red_same", discount: 10m);
        var others = Enumerable.Range(0, 50).Select(i => Redeemed($"evt_{i}", $"red_{i}", discount: 1m)).ToList();

        var work = Enumerable.Range(0, 150).Select(_ => (DomainEvent)(same with { })).Concat(others)
            .Select(e => Task.Run(() => store.ApplyAsync(e, CancellationToken.None)))
            .ToList();
        var results = await Task.WhenAll(work);

        Assert.Equal(51, results.Count(applied => applied));
        var total = Assert.Single(await store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Total, DateRange.AllTime), CancellationToken.None));
        Assert.Equal(51, total.Measures.Redemptions);
        Assert.Equal(60m, total.Measures.DiscountGiven);
    }

    [Fact]
    public async Task Apply_WhenBothSidesOfEveryJoinRaceTwiceEach_CombinesEachPairOnce()
    {
        var store = await NewStoreAsync();
        var events = JoinSet(7, SampleRedemptions / 2);
        var delivery = events.Concat(events.Select(e => e with { })).ToArray();
        new Random(7).Shuffle(delivery);

        // Every delivery starts at once, so the two sides of a join (and the two copies of each event) overlap.
        var results = await Task.WhenAll(delivery.Select(e => Task.Run(() => store.ApplyAsync(e, CancellationToken.None))));

        var scopes = AnalyticsSnapshot.ScopesOf(events);
        Assert.Equal(events.Count, results.Count(applied => applied));
        Assert.Equal(AnalyticsSnapshot.Reference(events, scopes), await AnalyticsSnapshot.ReadAsync(store, scopes));
    }

    [Fact]
    public async Task Read_WhenCustomersRedeemOnSeveralDays_CountsDistinctCustomersInTheRangeExactly()
    {
        var store = await NewStoreAsync();
        await store.ApplyAsync(Redeemed("evt_1", "red_1", day: 0, customerId: "cus_a"), CancellationToken.None);
        await store.ApplyAsync(Redeemed("evt_2", "red_2", day: 1, customerId: "cus_a"), CancellationToken.None);
        await store.ApplyAsync(Redeemed("evt_3", "red_3", day: 1, customerId: "cus_b"), CancellationToken.None);
        await store.ApplyAsync(Redeemed("evt_4", "red_4", day: 3, customerId: "cus_c"), CancellationToken.None);

        var firstTwoDays = Assert.Single(await store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.All, "", AnalyticsDimension.Total, new DateRange(Day0Date, Day0Date.AddDays(1))), CancellationToken.None));
        var lastDay = Assert.Single(await store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.All, "", AnalyticsDimension.Total, new DateRange(Day0Date.AddDays(3), Day0Date.AddDays(3))), CancellationToken.None));
        var byDay = await store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.All, "", AnalyticsDimension.Total, DateRange.AllTime, ByDay: true), CancellationToken.None);

        Assert.Equal(3, firstTwoDays.Measures.Redemptions);
        Assert.Equal(2, firstTwoDays.DistinctCustomers);
        Assert.Equal(1, lastDay.DistinctCustomers);
        Assert.Equal([Day0Date, Day0Date.AddDays(1), Day0Date.AddDays(3)], byDay.Select(r => r.Day!.Value));
        Assert.Equal([1L, 2L, 1L], byDay.Select(r => r.DistinctCustomers));
        Assert.Empty(await store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.All, "", AnalyticsDimension.Total, new DateRange(Day0Date.AddDays(2), Day0Date.AddDays(2))), CancellationToken.None));
    }

    [Fact]
    public async Task Apply_WhenReversalIsStoredBeforeItsRedemption_NetsOutInTheChannel()
    {
        var store = await NewStoreAsync();
        await store.ApplyAsync(Reversed("evt_2", "red_1", 10m, full: true, day: 1), CancellationToken.None);
        await store.ApplyAsync(Redeemed("evt_1", "red_1", channel: "pos", discount: 10m, orderTotal: 80m), CancellationToken.None);

        var pos = Assert.Single(await store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Channel, DateRange.AllTime), CancellationToken.None));

        Assert.Equal("pos", pos.Value);
        Assert.Equal(0, pos.Measures.NetRedemptions);
        Assert.Equal(0m, pos.Measures.NetDiscount);
        Assert.Equal(0m, pos.Measures.AttributedRevenue);
    }

    [Fact]
    public async Task Apply_WhenCodesArriveBeforeAndAfterTheirPromotionsLinkTwice_CountsEveryBatchInTheCampaignOnce()
    {
        var store = await NewStoreAsync();
        await store.ApplyAsync(new CodesGenerated("evt_c1", Day0, "prm_9", "job_1", 300), CancellationToken.None);
        await store.ApplyAsync(new PromotionPublished("evt_p1", Day0, "prm_9", "cmp_9", "Nine", Domain.Promotions.PromotionKind.Code, ["web"], null, null), CancellationToken.None);
        await store.ApplyAsync(new PromotionChanged("evt_p2", Day0, "prm_9", "cmp_9", 2, Domain.Lifecycle.LifecycleStatus.Paused), CancellationToken.None);
        await store.ApplyAsync(new CodesGenerated("evt_c2", Day0.AddDays(1), "prm_9", "job_2", 200), CancellationToken.None);

        var campaign = Assert.Single(await store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.Campaign, "cmp_9", AnalyticsDimension.Total, DateRange.AllTime), CancellationToken.None));
        var promotion = Assert.Single(await store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.Promotion, "prm_9", AnalyticsDimension.Total, DateRange.AllTime), CancellationToken.None));

        Assert.Equal(500, campaign.Measures.CodesIssued);
        Assert.Equal(500, promotion.Measures.CodesIssued);
    }

    [Fact]
    public async Task Apply_WhenARedemptionAndItsReversalReachMoreCellsThanOneTransactionHolds_CountsEveryCellOnce()
    {
        var store = await NewStoreAsync();
        var segments = Enumerable.Range(0, 40).Select(i => $"seg_{i:D2}").ToArray();
        var redeemed = Redeemed("evt_big", "red_big", discount: 20m, orderTotal: 200m, segments: segments);
        var reversed = Reversed("evt_big_back", "red_big", 20m, full: true, day: 1);

        Assert.True(await store.ApplyAsync(reversed, CancellationToken.None));
        Assert.True(await store.ApplyAsync(redeemed, CancellationToken.None));
        Assert.False(await store.ApplyAsync(redeemed with { }, CancellationToken.None));
        Assert.False(await store.ApplyAsync(reversed with { }, CancellationToken.None));

        var scopes = AnalyticsSnapshot.ScopesOf([redeemed, reversed]);
        Assert.Equal(AnalyticsSnapshot.Reference([redeemed, reversed], scopes), await AnalyticsSnapshot.ReadAsync(store, scopes));
        var bySegment = await store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.Promotion, "prm_1", AnalyticsDimension.Segment, DateRange.AllTime), CancellationToken.None);
        Assert.Equal(segments, bySegment.Select(r => r.Value));
        Assert.All(bySegment, r => Assert.Equal((1L, 1L, 0m, 1L), (r.Measures.Redemptions, r.Measures.FullReversals, r.Measures.AttributedRevenue, r.DistinctCustomers)));
    }

    [Fact]
    public async Task Park_WhenTheSameUnknownEventComesTwice_KeepsItOnce()
    {
        var store = await NewStoreAsync();

        Assert.True(await store.ParkAsync("evt_9", "offers_served", 1, "{}", CancellationToken.None));
        Assert.False(await store.ParkAsync("evt_9", "offers_served", 1, "{}", CancellationToken.None));
        Assert.True(await store.ParkAsync("evt_10", "redemption_recorded", 2, "{}", CancellationToken.None));
    }

    [Fact]
    public async Task Thresholds_WhenCrossed_ReturnsThemOldestFirstForThatCampaignOnly()
    {
        var store = await NewStoreAsync();
        await store.ApplyAsync(new BudgetThresholdCrossed("evt_b", Day0.AddDays(2), "cmp_1", 80, 800m, 1000m, "EUR"), CancellationToken.None);
        await store.ApplyAsync(new BudgetThresholdCrossed("evt_a", Day0, "cmp_1", 50, 500m, 1000m, "EUR"), CancellationToken.None);
        await store.ApplyAsync(new BudgetThresholdCrossed("evt_a", Day0, "cmp_1", 50, 500m, 1000m, "EUR"), CancellationToken.None);
        await store.ApplyAsync(new BudgetThresholdCrossed("evt_o", Day0, "cmp_2", 100, 90m, 90m, "USD"), CancellationToken.None);

        var crossed = await store.ThresholdsAsync("cmp_1", CancellationToken.None);

        Assert.Equal([50, 80], crossed.Select(t => t.ThresholdPercent));
        Assert.Equal(new BudgetThresholdCrossed("evt_b", Day0.AddDays(2), "cmp_1", 80, 800m, 1000m, "EUR"), crossed[1]);
        Assert.Empty(await store.ThresholdsAsync("cmp_none", CancellationToken.None));
    }
}
