using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Redemptions;
using Promotions.Contracts.Redemptions;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Tests.Redemptions;

/// <summary>
/// The contract's races on sharded counters (a promotion cap in 4 shares, a budget in 3), and what sharding itself
/// promises: shares that sum to the limit, usage read as the sum, undersell at the end of a budget but never
/// oversell, a shard count that no configuration change can alter, and thresholds written with the charge.
/// </summary>
public sealed class ShardedRedemptionLedgerTests : RedemptionLedgerRaces
{
    private const int PromotionShards = 4;
    private const int BudgetShards = 3;
    private readonly LedgerResources _aws;

    public ShardedRedemptionLedgerTests()
    {
        _aws = new LedgerResources(Clock, new Dictionary<string, string?>
        {
            ["Aws:Ledger:PromotionShards"] = PromotionShards.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Aws:Ledger:BudgetShards"] = BudgetShards.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
    }

    protected override IRedemptionLedger Ledger => _aws.Ledger;

    protected override IIdempotencyStore Idempotency => _aws.Idempotency;

    protected override IOutbox Outbox => _aws.Outbox;

    protected override ICodeStore Codes => _aws.Codes;

    public override Task InitializeAsync() => _aws.InitializeAsync();

    public override Task DisposeAsync() => _aws.DisposeAsync();

    // Each shard takes as many discounts as fit its share: 3 × ⌊333.33 / 7.30⌋ = 135, one fewer than ⌊1000 / 7.30⌋.
    protected override int ExpectedBudgetRedemptions(decimal budget, decimal discount) =>
        Enumerable.Range(0, BudgetShards).Sum(s => (int)(ShardLayout.Share(Money.ToMinor(budget, "EUR"), BudgetShards, s) / Money.ToMinor(discount, "EUR")));

    [Fact]
    public async Task Cap_IsSplitIntoSharesThatSumToIt_AndUsageIsTheSumOfTheShards()
    {
        var limits = new RedemptionLimits(MaxRedemptions: 10);

        var results = new List<Result<OrderRedemption>>();
        for (var i = 0; i < 12; i++)
        {
            results.Add(await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption($"cus_{i}"), limits), null, default));
        }

        Assert.Equal(10, results.Count(r => r.IsSuccess));
        Assert.All(results.Skip(10), r => Assert.Equal(RedemptionRejections.PromotionExhausted, r.Errors[0].Code));
        var shards = await Task.WhenAll(Enumerable.Range(0, PromotionShards).Select(async s =>
            (await _aws.DynamoDb.GetItemAsync(_aws.Table, LedgerItems.PromotionCounter(Samples.PromotionId, s))).Item.GetN("used")));
        Assert.Equal([3L, 3L, 2L, 2L], shards);
        Assert.Equal(10, (await UsageAsync(null)).PromotionRedemptions);
    }

    [Fact]
    public async Task Budget_AtItsEnd_RefusesADiscountNoShardHolds_ThoughTheSumWould_AndNeverOversells()
    {
        // 10.00 EUR in shares of 3.34, 3.33 and 3.33: each holds one 3.00 and keeps 0.34 or 0.33.
        var limits = new RedemptionLimits(BudgetAmount: 10m, BudgetCurrency: "EUR");
        foreach (var _ in Enumerable.Range(0, 3))
        {
            Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption(discount: 3m), limits), null, default)).IsSuccess);
        }

        var half = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption(discount: 0.50m), limits), null, default);
        var small = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption(discount: 0.30m), limits), null, default);

        Assert.Equal(RedemptionRejections.BudgetExhausted, half.Errors[0].Code);
        Assert.True(small.IsSuccess);
        Assert.Equal(9.30m, (await UsageAsync(null)).BudgetSpent);
    }

    [Fact]
    public async Task ShardCount_IsFixedAtFirstUse_AndKeptWhenTheConfigurationChanges()
    {
        var limits = new RedemptionLimits(MaxRedemptions: 8);
        for (var i = 0; i < 4; i++)
        {
            Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption($"cus_{i}"), limits), null, default)).IsSuccess);
        }

        // Another process, configured for plain counters: it must keep the 4 shares of 2, or it would sell 8 more.
        var unsharded = LedgerWith(new LedgerOptions { PromotionShards = 1, BudgetShards = 1 });
        var later = new List<Result<OrderRedemption>>();
        for (var i = 4; i < 14; i++)
        {
            later.Add(await unsharded.RedeemAsync(new RedeemCommand(Samples.Redemption($"cus_{i}"), limits), null, default));
        }

        var fresh = Samples.Redemption("cus_x") with { PromotionId = Samples.PromotionId + "_new" };
        await unsharded.RedeemAsync(new RedeemCommand(fresh, limits), null, default);

        Assert.Equal(4, later.Count(r => r.IsSuccess));
        Assert.Equal(8, (await unsharded.GetUsageAsync(Samples.PromotionId, null, null, default)).PromotionRedemptions);
        Assert.Equal(PromotionShards, await ShardCountAsync(LedgerItems.PromotionShards(Samples.PromotionId)));
        Assert.Equal(1, await ShardCountAsync(LedgerItems.PromotionShards(fresh.PromotionId)));
    }

    [Fact]
    public async Task Thresholds_AreWrittenWithTheChargeThatTakesTheLastShardPastItsPart_AndAgainAfterAGiveBack()
    {
        // 100.00 EUR in shares of 33.34, 33.33 and 33.33; the 50 % line is 16.67 + 16.67 + 16.66, the 80 % line 26.67 + 26.67 + 26.66.
        var limits = new RedemptionLimits(BudgetAmount: 100m, BudgetCurrency: "EUR");
        var redemptions = Enumerable.Range(0, 3).Select(_ => Samples.Redemption(discount: 33.33m)).ToArray();
        await Ledger.RedeemAsync(new RedeemCommand(redemptions[0], limits), null, default);
        await Ledger.RedeemAsync(new RedeemCommand(redemptions[1], limits), null, default);
        var beforeTheLastShard = await EventsAsync<BudgetThresholdCrossed>();

        await Ledger.RedeemAsync(new RedeemCommand(redemptions[2], limits), null, default);
        var first = await EventsAsync<BudgetThresholdCrossed>();
        await Ledger.ReverseAsync(new ReverseCommand(redemptions[1].Id, "rev_1", null), null, default);
        var afterTheGiveBack = await EventsAsync<BudgetThresholdCrossed>();
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption(discount: 33.33m), limits), null, default)).IsSuccess);
        var again = await EventsAsync<BudgetThresholdCrossed>();

        // Two shards past their part are 66.66 spent, yet not every shard: a sharded budget reports late, never early.
        Assert.Empty(beforeTheLastShard);
        Assert.Equal([(50, 99.99m), (80, 99.99m)], first.Select(e => (e.ThresholdPercent, e.Spent)).Order().ToArray());
        Assert.Equal(2, afterTheGiveBack.Count);
        Assert.Equal([(50, 99.99m), (50, 99.99m), (80, 99.99m), (80, 99.99m)], again.Select(e => (e.ThresholdPercent, e.Spent)).Order().ToArray());
        Assert.Equal(99.99m, (await UsageAsync(null)).BudgetSpent);
    }

    [Fact]
    public async Task UsageBatch_SumsEveryShard_WhateverShardCountTheReadingProcessIsConfiguredFor()
    {
        var limits = new RedemptionLimits(MaxRedemptions: 20, PerCustomerLimit: 5, BudgetAmount: 100m, BudgetCurrency: "EUR");
        for (var i = 0; i < 7; i++)
        {
            Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption($"cus_{i % 2}", discount: 1.25m), limits), null, default)).IsSuccess);
        }

        var query = new UsageQuery([Samples.PromotionId, Samples.PromotionId + "_unused"], [Samples.CampaignId], "cus_0", [Samples.PromotionId]);
        var before = _aws.Requests.Count;
        var known = await Ledger.GetUsageBatchAsync(query, default);
        var knownRequests = _aws.Requests.Since(before);

        // Other processes that never saw these counters: one guesses too few shards, one too many.
        before = _aws.Requests.Count;
        var fewer = await LedgerWith(new LedgerOptions { PromotionShards = 1, BudgetShards = 1 }).GetUsageBatchAsync(query, default);
        var fewerRequests = _aws.Requests.Since(before);
        var more = await LedgerWith(new LedgerOptions { PromotionShards = 9, BudgetShards = 7 }).GetUsageBatchAsync(query, default);

        Assert.All(new[] { known, fewer, more }, usage =>
        {
            Assert.Equal((7L, 0L, 4L, 8.75m), (usage.Promotion(Samples.PromotionId), usage.Promotion(Samples.PromotionId + "_unused"), usage.Customer(Samples.PromotionId), usage.Budget(Samples.CampaignId)));
        });
        Assert.Equal(["BatchGetItem"], knownRequests.Select(r => r.Operation));
        Assert.Equal(["BatchGetItem", "BatchGetItem"], fewerRequests.Select(r => r.Operation));
    }

    private DynamoDbRedemptionLedger LedgerWith(LedgerOptions ledger)
    {
        var aws = Options.Create(new AwsOptions { Table = _aws.Table });
        return new DynamoDbRedemptionLedger(_aws.DynamoDb, aws, new ShardLayout(_aws.DynamoDb, aws, Options.Create(ledger)), Clock);
    }

    private async Task<long?> ShardCountAsync(Dictionary<string, AttributeValue> key) =>
        (await _aws.DynamoDb.GetItemAsync(new GetItemRequest { TableName = _aws.Table, Key = key, ConsistentRead = true })).Item.GetN("count");
}
