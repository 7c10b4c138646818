using Promotions.Domain.Events;
using Promotions.Domain.Redemptions;

namespace Promotions.Contracts.Redemptions;

/// <summary>
/// What every redemption ledger promises, run against each adapter: limits held together under concurrency
/// (<see cref="RedemptionLedgerRaces"/>), refusals that leave no trace, holds that expire, reversals given back
/// exactly once, idempotency keys, events in the outbox.
/// </summary>
public abstract partial class RedemptionLedgerContract : RedemptionLedgerRaces
{
    [Fact]
    public async Task Redeem_WhenUnderEveryLimit_RecordsCountsChargesAndWritesTheEvent()
    {
        var code = await SeedCodeAsync(maxUses: 5);
        var redemption = Samples.Redemption("cus_1", code, discount: 10m);

        var result = await Ledger.RedeemAsync(new RedeemCommand(redemption, new RedemptionLimits(10, 2, 100m, "EUR")), null, default);

        Assert.True(result.IsSuccess);
        Assert.True(result.Value!.Redemptions[0].BudgetCharged);
        var stored = await Ledger.GetAsync(redemption.Id, default);
        Assert.Equal(RedemptionStatus.Confirmed, stored!.Status);
        Assert.Equal(redemption.Allocations, stored.Redemptions[0].Allocations);
        Assert.Equal(new LedgerUsage(1, 1, 10m), await UsageAsync("cus_1"));
        Assert.Equal(1, (await Codes.FindAsync(code, default))!.Uses);
        var recorded = Assert.Single(await EventsAsync<RedemptionRecorded>());
        Assert.Equal((redemption.Id, 10m, "cus_1", code), (recorded.RedemptionId, recorded.Discount, recorded.CustomerId, recorded.Code));
        Assert.Equal(["seg_vip"], recorded.SegmentIds);
    }

    [Fact]
    public async Task Redeem_WhenTheBudgetRefuses_LeavesNoTraceOfTheEarlierChecks()
    {
        var code = await SeedCodeAsync(maxUses: 5);
        var limits = new RedemptionLimits(10, 5, 5m, "EUR");

        var result = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1", code, discount: 10m), limits), null, default);

        Assert.Equal(RedemptionRejections.BudgetExhausted, result.Errors[0].Code);
        Assert.Equal(new LedgerUsage(0, 0, 0m), await UsageAsync("cus_1"));
        Assert.Equal(0, (await Codes.FindAsync(code, default))!.Uses);
        Assert.Empty(await EventsAsync<RedemptionRecorded>());
    }

    [Theory]
    [MemberData(nameof(LedgerSamples.UnusableCodeStates), MemberType = typeof(LedgerSamples))]
    public async Task Redeem_WhenTheCodeCannotBeUsed_SaysPreciselyWhy(string state, string expected)
    {
        var text = Samples.NewCodeText();
        if (Samples.UnusableCode(state, text) is { } code)
        {
            await Codes.InsertAsync("cjb_seed", [code], default);
        }

        var result = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1", text), RedemptionLimits.None), null, default);

        Assert.Equal(expected, result.Errors[0].Code);
    }

    [Fact]
    public async Task Redeem_WhenSpendCrossesThresholds_WritesEachCrossingOnce()
    {
        var limits = new RedemptionLimits(BudgetAmount: 100m, BudgetCurrency: "EUR");
        foreach (var discount in new[] { 40m, 20m, 30m, 10m })
        {
            Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption(discount: discount), limits), null, default)).IsSuccess);
        }

        var crossed = await EventsAsync<BudgetThresholdCrossed>();

        // Sorted: events written at one instant (the clock stands still here) have no order in every outbox.
        Assert.Equal([(50, 60m), (80, 90m), (100, 100m)], crossed.Select(e => (e.ThresholdPercent, e.Spent)).Order().ToArray());
    }
}
