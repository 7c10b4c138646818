using Promotions.Domain.Redemptions;

namespace Promotions.Contracts.Redemptions;

/// <summary>Support's lookups: the recorded redemptions of an order id or of a code, newest first.</summary>
public abstract partial class RedemptionLedgerContract
{
    [Fact]
    public async Task ListByOrderAsync_WhenAnOrderWasRedeemedTwiceAndRefusedOnce_ListsTheTwoRecordsNewestFirst()
    {
        var code = await SeedCodeAsync(maxUses: 1);
        var first = Samples.Redemption("cus_1", code);
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(first, RedemptionLimits.None), null, default)).IsSuccess);
        Clock.Advance(TimeSpan.FromSeconds(5));
        var refused = Samples.Redemption("cus_1", code) with { OrderId = first.OrderId };
        Assert.False((await Ledger.RedeemAsync(new RedeemCommand(refused, RedemptionLimits.None), null, default)).IsSuccess);
        Clock.Advance(TimeSpan.FromSeconds(5));
        var second = Samples.Redemption("cus_1") with { OrderId = first.OrderId };
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(second, RedemptionLimits.None), null, default)).IsSuccess);
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1"), RedemptionLimits.None), null, default)).IsSuccess);

        var found = await Ledger.ListByOrderAsync(first.OrderId, 10, default);
        var newest = await Ledger.ListByOrderAsync(first.OrderId, 1, default);

        Assert.Equal([second.Id, first.Id], found.Select(r => r.Id));
        Assert.Equal([second.Id], newest.Select(r => r.Id));
        Assert.Empty(await Ledger.ListByOrderAsync("order-never", 10, default));
    }

    [Fact]
    public async Task ListByCodeAsync_WhenAStackUsedTheCode_ListsEveryRecordThatUsedItNewestFirst()
    {
        var code = await SeedCodeAsync(maxUses: 5, promotionId: Samples.StackPromotionId("y"));
        var other = await SeedCodeAsync(maxUses: 5);
        var stack = Samples.Stack("cus_1", null, ("x", null, 10m), ("y", code, 5m));
        var limits = new[] { RedemptionLimits.None, RedemptionLimits.None };
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(stack, limits), null, default)).IsSuccess);
        Clock.Advance(TimeSpan.FromSeconds(1));
        var later = Samples.Stack("cus_2", null, ("x", null, 10m), ("y", code, 5m));
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(later, limits), null, default)).IsSuccess);
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1", other), RedemptionLimits.None), null, default)).IsSuccess);

        var found = await Ledger.ListByCodeAsync(code, 10, default);

        Assert.Equal([later.Id, stack.Id], found.Select(r => r.Id));
        Assert.Equal(2, found[1].Redemptions.Count);
        Assert.Empty(await Ledger.ListByCodeAsync("NEVERUSED", 10, default));
    }
}
