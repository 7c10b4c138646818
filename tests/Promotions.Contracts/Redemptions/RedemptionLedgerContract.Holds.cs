using Promotions.Domain.Events;
using Promotions.Domain.Redemptions;

namespace Promotions.Contracts.Redemptions;

/// <summary>Reservations and reversals of the ledger contract.</summary>
public abstract partial class RedemptionLedgerContract
{
    [Fact]
    public async Task Reserve_HoldsCapacityUntilReleased()
    {
        var limits = new RedemptionLimits(MaxRedemptions: 1);
        var hold = Samples.Redemption("cus_1", holdUntil: Clock.GetUtcNow().AddMinutes(15));
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(hold, limits), null, default)).IsSuccess);

        var blocked = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_2"), limits), null, default);
        var released = await Ledger.ReleaseAsync(hold.Id, null, default);
        var after = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_2"), limits), null, default);

        Assert.Equal(RedemptionRejections.PromotionExhausted, blocked.Errors[0].Code);
        Assert.Equal(RedemptionStatus.Released, released.Value!.Status);
        Assert.True(after.IsSuccess);
        Assert.Equal(RedemptionRejections.ReservationReleased, (await Ledger.ConfirmAsync(hold.Id, null, default)).Errors[0].Code);
    }

    [Fact]
    public async Task Confirm_WhileLive_RecordsTheRedemptionOnce()
    {
        var hold = Samples.Redemption("cus_1", holdUntil: Clock.GetUtcNow().AddMinutes(15));
        await Ledger.RedeemAsync(new RedeemCommand(hold, RedemptionLimits.None), null, default);
        Assert.Empty(await EventsAsync<RedemptionRecorded>());

        var confirmed = await Ledger.ConfirmAsync(hold.Id, null, default);
        var again = await Ledger.ConfirmAsync(hold.Id, null, default);

        Assert.Equal(RedemptionStatus.Confirmed, confirmed.Value!.Status);
        Assert.Null(confirmed.Value.ExpiresAt);
        Assert.Equal(RedemptionRejections.ReservationConfirmed, again.Errors[0].Code);
        Assert.Single(await EventsAsync<RedemptionRecorded>());
        Assert.Equal(1, (await UsageAsync("cus_1")).PromotionRedemptions);
    }

    [Fact]
    public async Task Expiry_FreesTheCapacityByItself_AndALateConfirmIsReservationExpired()
    {
        var code = await SeedCodeAsync(maxUses: 1);
        var limits = new RedemptionLimits(1, 1, 50m, "EUR");
        var hold = Samples.Redemption("cus_1", code, holdUntil: Clock.GetUtcNow().AddSeconds(60));
        await Ledger.RedeemAsync(new RedeemCommand(hold, limits), null, default);
        Assert.Equal(new LedgerUsage(1, 1, 10m), await UsageAsync("cus_1"));

        Clock.Advance(TimeSpan.FromSeconds(60));
        var expired = await Ledger.ExpireDueAsync(100, default);
        var late = await Ledger.ConfirmAsync(hold.Id, null, default);

        Assert.Equal(1, expired);
        Assert.Equal(RedemptionRejections.ReservationExpired, late.Errors[0].Code);
        Assert.Equal(new LedgerUsage(0, 0, 0m), await UsageAsync("cus_1"));
        Assert.Equal(0, (await Codes.FindAsync(code, default))!.Uses);
        Assert.Single(await EventsAsync<ReservationExpired>());
    }

    [Fact]
    public async Task Confirm_AfterExpiryBeforeTheSweeper_ExpiresTheHoldOnTheSpot()
    {
        var hold = Samples.Redemption("cus_1", holdUntil: Clock.GetUtcNow().AddSeconds(10));
        await Ledger.RedeemAsync(new RedeemCommand(hold, RedemptionLimits.None), null, default);
        Clock.Advance(TimeSpan.FromSeconds(11));

        var late = await Ledger.ConfirmAsync(hold.Id, null, default);

        Assert.Equal(RedemptionRejections.ReservationExpired, late.Errors[0].Code);
        Assert.Equal(RedemptionStatus.Expired, (await Ledger.GetAsync(hold.Id, default))!.Status);
        Assert.Equal(0, (await UsageAsync("cus_1")).PromotionRedemptions);
        Assert.Equal(0, await Ledger.ExpireDueAsync(100, default));
    }

    [Fact]
    public async Task Reverse_PartialThenRest_UsesTheRecordedAllocationAndRestoresExactlyOnce()
    {
        var code = await SeedCodeAsync(maxUses: 1);
        var redemption = Samples.Redemption("cus_1", code, discount: 12m, shipping: 2m);
        await Ledger.RedeemAsync(new RedeemCommand(redemption, new RedemptionLimits(1, 1, 100m, "EUR")), null, default);

        var partial = await Ledger.ReverseAsync(new ReverseCommand(redemption.Id, "rev_1", [new ReturnedLine("a", 1)]), null, default);
        var usageAfterPartial = await UsageAsync("cus_1");
        var rest = await Ledger.ReverseAsync(new ReverseCommand(redemption.Id, "rev_2", null), null, default);
        var again = await Ledger.ReverseAsync(new ReverseCommand(redemption.Id, "rev_3", null), null, default);

        // Lines carry 6.00 (a, 2 units) and 4.00 (b); one unit of a gives back 3.00, the rest 7.00 plus 2.00 shipping.
        Assert.Equal((3.00m, false), (partial.Value!.Amount, partial.Value.Full));
        Assert.Equal(new LedgerUsage(1, 1, 9m), usageAfterPartial);
        Assert.Equal((9.00m, true), (rest.Value!.Amount, rest.Value.Full));
        Assert.Equal(RedemptionRejections.NothingToReverse, again.Errors[0].Code);
        Assert.Equal(new LedgerUsage(0, 0, 0m), await UsageAsync("cus_1"));
        Assert.Equal(0, (await Codes.FindAsync(code, default))!.Uses);
        Assert.Equal([3.00m, 9.00m], (await EventsAsync<RedemptionReversed>()).Select(e => e.Amount).Order().ToArray());
    }

    [Fact]
    public async Task Reverse_WhenMoreUnitsThanRemain_IsRefusedAndChangesNothing()
    {
        var redemption = Samples.Redemption("cus_1");
        await Ledger.RedeemAsync(new RedeemCommand(redemption, RedemptionLimits.None), null, default);
        await Ledger.ReverseAsync(new ReverseCommand(redemption.Id, "rev_1", [new ReturnedLine("a", 2)]), null, default);

        var tooMany = await Ledger.ReverseAsync(new ReverseCommand(redemption.Id, "rev_2", [new ReturnedLine("a", 1)]), null, default);
        var unknown = await Ledger.ReverseAsync(new ReverseCommand(redemption.Id, "rev_3", [new ReturnedLine("zz", 1)]), null, default);

        Assert.Equal(RedemptionRejections.ExceedsRemaining, tooMany.Errors[0].Code);
        Assert.Equal(RedemptionRejections.UnknownLine, unknown.Errors[0].Code);
        Assert.Equal(6.00m, (await Ledger.GetAsync(redemption.Id, default))!.ReversedAmount);
    }
}
