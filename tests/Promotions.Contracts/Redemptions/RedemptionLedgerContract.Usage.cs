using Promotions.Domain.Redemptions;

namespace Promotions.Contracts.Redemptions;

/// <summary>The batched usage read of the ledger contract: what offers and quotes judge caps and budgets by.</summary>
public abstract partial class RedemptionLedgerContract
{
    [Fact]
    public async Task GetUsageBatch_ReadsEveryCounterAskedForInOneCall_WithZeroForTheUnused()
    {
        var (a, b, unused) = (Samples.PromotionId, Samples.PromotionId + "_b", Samples.PromotionId + "_unused");
        var (euros, yen, untouched) = (Samples.CampaignId, Samples.CampaignId + "_jpy", Samples.CampaignId + "_unused");
        var inEuros = new RedemptionLimits(10, 5, 100m, "EUR");
        var inYen = new RedemptionLimits(10, 5, 10_000m, "JPY");
        foreach (var customer in new[] { "cus_1", "cus_1", "cus_2" })
        {
            Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption(customer, discount: 10m), inEuros), null, default)).IsSuccess);
        }

        // A hold counts like a redemption; the yen budget checks the minor units of a currency without decimals.
        var hold = Samples.Redemption("cus_1", discount: 500m, holdUntil: Clock.GetUtcNow().AddMinutes(15))
            with { PromotionId = b, CampaignId = yen, Currency = "JPY" };
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(hold, inYen), null, default)).IsSuccess);
        var spent = Samples.Redemption("cus_1", discount: 250m) with { PromotionId = b, CampaignId = yen, Currency = "JPY" };
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(spent, inYen), null, default)).IsSuccess);

        var usage = await Ledger.GetUsageBatchAsync(
            new UsageQuery([a, b, unused, a], [euros, yen, untouched], "cus_1", [a, b, unused]), default);

        Assert.Equal(Sorted((a, 3L), (b, 2L), (unused, 0L)), Sorted(usage.PromotionRedemptions));
        Assert.Equal(Sorted((a, 2L), (b, 2L), (unused, 0L)), Sorted(usage.CustomerRedemptions));
        Assert.Equal(Sorted((euros, 30m), (yen, 750m), (untouched, 0m)), Sorted(usage.BudgetSpent));
    }

    [Fact]
    public async Task GetUsageBatch_WithMoreIdsThanOneStoreCallTakes_AnswersForEveryId()
    {
        await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1", discount: 4m), new RedemptionLimits(BudgetAmount: 50m, BudgetCurrency: "EUR")), null, default);
        var promotions = Enumerable.Range(0, 150).Select(i => $"{Samples.PromotionId}_{i}").Append(Samples.PromotionId).ToArray();
        var campaigns = Enumerable.Range(0, 60).Select(i => $"{Samples.CampaignId}_{i}").Append(Samples.CampaignId).ToArray();

        var usage = await Ledger.GetUsageBatchAsync(new UsageQuery(promotions, campaigns, "cus_1", promotions), default);

        Assert.Equal(151, usage.PromotionRedemptions.Count);
        Assert.Equal(151, usage.CustomerRedemptions.Count);
        Assert.Equal(61, usage.BudgetSpent.Count);
        Assert.Equal((1L, 1L, 4m), (usage.Promotion(Samples.PromotionId), usage.Customer(Samples.PromotionId), usage.Budget(Samples.CampaignId)));
        Assert.Equal(1L, usage.PromotionRedemptions.Values.Sum());
    }

    [Fact]
    public async Task GetUsageBatch_AfterAFullReversal_ReadsTheCountersGivenBack()
    {
        var limits = new RedemptionLimits(10, 5, 100m, "EUR");
        var redemption = Samples.Redemption("cus_1", discount: 10m);
        await Ledger.RedeemAsync(new RedeemCommand(redemption, limits), null, default);
        await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1", discount: 10m), limits), null, default);

        Assert.True((await Ledger.ReverseAsync(new ReverseCommand(redemption.Id, "rev_" + Samples.Scope, null), null, default)).IsSuccess);
        var usage = await Ledger.GetUsageBatchAsync(new UsageQuery([Samples.PromotionId], [Samples.CampaignId], "cus_1", [Samples.PromotionId]), default);

        Assert.Equal((1L, 1L, 10m), (usage.Promotion(Samples.PromotionId), usage.Customer(Samples.PromotionId), usage.Budget(Samples.CampaignId)));
        Assert.Equal(new LedgerUsage(1, 1, 10m), await UsageAsync("cus_1"));
    }

    private static (string, T)[] Sorted<T>(params (string, T)[] entries) => [.. entries.OrderBy(e => e.Item1, StringComparer.Ordinal)];

    private static (string, T)[] Sorted<T>(IReadOnlyDictionary<string, T> entries) =>
        [.. entries.Select(e => (e.Key, e.Value)).OrderBy(e => e.Item1, StringComparer.Ordinal)];
}
