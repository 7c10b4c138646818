using Promotions.Domain.Events;
using Promotions.Domain.Redemptions;

namespace Promotions.Contracts.Redemptions;

/// <summary>Orders redeemed with several promotions at once: every part or none, each budget once, returns per part.</summary>
public abstract partial class RedemptionLedgerContract
{
    [Fact]
    public async Task Redeem_AStack_RecordsEveryPartChargesTheSharedBudgetOnceAndWritesAnEventPerPart()
    {
        var code = await SeedCodeAsync(promotionId: Samples.StackPromotionId("y"));
        var order = Samples.Stack("cus_1", null, ("x", null, 10m), ("y", code, 5m));
        var limits = new[] { new RedemptionLimits(10, 1, 100m, "EUR"), new RedemptionLimits(10, 1, 100m, "EUR") };

        var result = await Ledger.RedeemAsync(new RedeemCommand(order, limits), null, default);

        Assert.True(result.IsSuccess);
        var stored = (await Ledger.GetAsync(order.Id, default))!;
        Assert.Equal([Samples.StackPromotionId("x"), Samples.StackPromotionId("y")], stored.Redemptions.Select(p => p.PromotionId));
        Assert.Equal((15m, RedemptionStatus.Confirmed), (stored.Discount, stored.Status));
        Assert.Equal(new LedgerUsage(1, 1, 15m), await Ledger.GetUsageAsync(Samples.StackPromotionId("x"), "cus_1", Samples.CampaignId, default));
        Assert.Equal(new LedgerUsage(1, 1, 15m), await Ledger.GetUsageAsync(Samples.StackPromotionId("y"), "cus_1", Samples.CampaignId, default));
        Assert.Equal(1, (await Codes.FindAsync(code, default))!.Uses);
        Assert.Equal([10m, 5m], (await EventsAsync<RedemptionRecorded>()).OrderBy(e => e.RedemptionId, StringComparer.Ordinal).Select(e => e.Discount));
    }

    [Theory]
    [InlineData("cap")]
    [InlineData("customer")]
    [InlineData("budget")]
    [InlineData("code")]
    public async Task Redeem_WhenOnePartIsRefused_RecordsNothingOfAnyPartAndNamesThatPromotion(string refused)
    {
        var goodCode = await SeedCodeAsync(promotionId: Samples.StackPromotionId("x"));
        var usedCode = await SeedCodeAsync(promotionId: Samples.StackPromotionId("y"));
        var budget = refused == "budget" ? 14m : 100m;
        var ok = new RedemptionLimits(10, 5, budget, "EUR");
        var second = refused switch
        {
            "cap" => ok with { MaxRedemptions = 0 },
            "customer" => ok with { PerCustomerLimit = 0 },
            _ => ok,
        };
        if (refused == "code")
        {
            Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Stack("cus_2", null, ("y", usedCode, 1m)), [ok]), null, default)).IsSuccess);
        }

        var order = Samples.Stack("cus_1", null, ("x", goodCode, 10m), ("y", refused == "code" ? usedCode : null, 5m));
        var result = await Ledger.RedeemAsync(new RedeemCommand(order, [ok, second]), null, default);

        var expected = refused switch
        {
            "cap" => RedemptionRejections.PromotionExhausted,
            "customer" => RedemptionRejections.CustomerLimitReached,
            "budget" => RedemptionRejections.BudgetExhausted,
            _ => RedemptionRejections.CodeExhausted,
        };
        Assert.Equal((expected, Samples.StackPromotionId("y")), (result.Errors[0].Code, result.Errors[0].Subject));
        Assert.Null(await Ledger.GetAsync(order.Id, default));
        Assert.Equal(0, (await Codes.FindAsync(goodCode, default))!.Uses);
        Assert.Equal(0, (await Ledger.GetUsageAsync(Samples.StackPromotionId("x"), "cus_1", null, default)).PromotionRedemptions);
        Assert.Equal(refused == "code" ? 1m : 0m, (await Ledger.GetUsageAsync(Samples.StackPromotionId("x"), null, Samples.CampaignId, default)).BudgetSpent);
    }

    [Fact]
    public async Task Reverse_PartOfAStack_GivesBackEachPromotionsOwnAllocationThenEverythingOnce()
    {
        var code = await SeedCodeAsync(promotionId: Samples.StackPromotionId("y"));
        var order = Samples.Stack("cus_1", null, ("x", null, 10m), ("y", code, 5m));
        var limits = new RedemptionLimits(1, 1, 100m, "EUR");
        await Ledger.RedeemAsync(new RedeemCommand(order, [limits, limits]), null, default);

        // Line a carries 6.00 of x and 3.00 of y over 2 units: one unit gives back 3.00 and 1.50.
        var partial = await Ledger.ReverseAsync(new ReverseCommand(order.Id, "rev_1", [new ReturnedLine("a", 1)]), null, default);
        var afterPartial = await Ledger.GetUsageAsync(Samples.StackPromotionId("x"), "cus_1", Samples.CampaignId, default);
        var rest = await Ledger.ReverseAsync(new ReverseCommand(order.Id, "rev_2", null), null, default);

        Assert.Equal((4.50m, false), (partial.Value!.Amount, partial.Value.Full));
        Assert.Equal([3.00m, 1.50m], partial.Value.Promotions.Select(p => p.Amount));
        Assert.Equal([new ReversedLine("a", 1, 4.50m)], partial.Value.Lines);
        Assert.Equal(new LedgerUsage(1, 1, 10.50m), afterPartial);
        Assert.Equal((10.50m, true), (rest.Value!.Amount, rest.Value.Full));
        Assert.Equal(RedemptionStatus.Reversed, (await Ledger.GetAsync(order.Id, default))!.Status);
        Assert.Equal(new LedgerUsage(0, 0, 0m), await Ledger.GetUsageAsync(Samples.StackPromotionId("y"), "cus_1", Samples.CampaignId, default));
        Assert.Equal(0, (await Codes.FindAsync(code, default))!.Uses);
        Assert.Equal(4, (await EventsAsync<RedemptionReversed>()).Count);
    }

    [Fact]
    public async Task Hold_OfAStack_ReservesEveryPartAndReleasingGivesEverythingBack()
    {
        var limits = new RedemptionLimits(1, null, 100m, "EUR");
        var hold = Samples.Stack("cus_1", Clock.GetUtcNow().AddMinutes(15), ("x", null, 10m), ("y", null, 5m));
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(hold, [limits, limits]), null, default)).IsSuccess);
        var blocked = await Ledger.RedeemAsync(new RedeemCommand(Samples.Stack("cus_2", null, ("y", null, 5m)), [limits]), null, default);

        var released = await Ledger.ReleaseAsync(hold.Id, null, default);

        Assert.Equal(RedemptionRejections.PromotionExhausted, blocked.Errors[0].Code);
        Assert.Equal(RedemptionStatus.Released, released.Value!.Status);
        Assert.All(released.Value.Redemptions, p => Assert.Equal(RedemptionStatus.Released, p.Status));
        Assert.Equal(new LedgerUsage(0, 0, 0m), await Ledger.GetUsageAsync(Samples.StackPromotionId("x"), "cus_1", Samples.CampaignId, default));
        Assert.Equal(2, (await EventsAsync<ReservationReleased>()).Count);
    }
}
