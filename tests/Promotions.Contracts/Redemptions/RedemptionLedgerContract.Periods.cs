using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;

namespace Promotions.Contracts.Redemptions;

/// <summary>Per-period limits of the ledger contract: counted per UTC day or week, given back to the period counted in.</summary>
public abstract partial class RedemptionLedgerContract
{
    private const string Day = "day:2026-06-01";
    private const string NextDay = "day:2026-06-02";

    [Fact]
    public async Task Redeem_WhenTheDailyLimitIsReached_RefusesWithPeriodLimitReachedAndLeavesNoTrace()
    {
        var code = await SeedCodeAsync(maxUses: 10);
        var limits = PerPeriod(new PeriodLimit(LimitPeriod.Day, 2));
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1"), limits), null, default)).IsSuccess);
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_2"), limits), null, default)).IsSuccess);

        var refused = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_3", code), limits), null, default);

        Assert.Equal((RedemptionRejections.PeriodLimitReached, Samples.PromotionId), (refused.Errors[0].Code, refused.Errors[0].Subject));
        Assert.Equal(0, (await Codes.FindAsync(code, default))!.Uses);
        Assert.Equal(2, (await UsageAsync(null)).PromotionRedemptions);
        Assert.Equal(2, await PeriodUsageAsync(Day));
    }

    [Fact]
    public async Task Redeem_WhenTheDayTurns_CountsInTheNewDay()
    {
        var limits = PerPeriod(new PeriodLimit(LimitPeriod.Day, 1));
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1"), limits), null, default)).IsSuccess);
        Assert.False((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_2"), limits), null, default)).IsSuccess);

        Clock.Advance(TimeSpan.FromHours(12));
        var nextDay = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_2"), limits), null, default);

        Assert.True(nextDay.IsSuccess);
        Assert.Equal([new CountedPeriod(NextDay, false)], nextDay.Value!.Redemptions[0].Periods);
        Assert.Equal((1, 1), (await PeriodUsageAsync(Day), await PeriodUsageAsync(NextDay)));
    }

    [Fact]
    public async Task Redeem_WhenTheCustomersWeeklyLimitIsReached_RefusesThatCustomerOnly()
    {
        var limits = PerPeriod(new PeriodLimit(LimitPeriod.Week, 1, PerCustomer: true), new PeriodLimit(LimitPeriod.Day, 10));
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1"), limits), null, default)).IsSuccess);

        Clock.Advance(TimeSpan.FromDays(3));
        var again = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1"), limits), null, default);
        var other = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_2"), limits), null, default);

        Assert.Equal(RedemptionRejections.CustomerPeriodLimitReached, again.Errors[0].Code);
        Assert.True(other.IsSuccess);
        Assert.Equal(1, await PeriodUsageAsync("week:2026-06-01", "cus_1"));
        Assert.Equal(1, await PeriodUsageAsync("day:2026-06-04"));
    }

    [Fact]
    public async Task Redeem_WhenAPerCustomerPeriodLimitMeetsAGuest_RefusesCustomerRequired()
    {
        var result = await Ledger.RedeemAsync(
            new RedeemCommand(Samples.Redemption(), PerPeriod(new PeriodLimit(LimitPeriod.Day, 1, PerCustomer: true))), null, default);

        Assert.Equal(RedemptionRejections.CustomerRequired, result.Errors[0].Code);
    }

    [Fact]
    public async Task Reverse_InTheSameDay_GivesTheDayItsUseBack()
    {
        var limits = PerPeriod(new PeriodLimit(LimitPeriod.Day, 1), new PeriodLimit(LimitPeriod.Day, 1, PerCustomer: true));
        var redemption = Samples.Redemption("cus_1");
        await Ledger.RedeemAsync(new RedeemCommand(redemption, limits), null, default);

        Assert.True((await Ledger.ReverseAsync(new ReverseCommand(redemption.Id, "rev_1", null), null, default)).IsSuccess);

        Assert.Equal((0, 0), (await PeriodUsageAsync(Day), await PeriodUsageAsync(Day, "cus_1")));
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1"), limits), null, default)).IsSuccess);
    }

    [Fact]
    public async Task Reverse_AfterTheDayCountedInHasEnded_LeavesThatDayAndTheNewOneAsTheyAre()
    {
        var limits = PerPeriod(new PeriodLimit(LimitPeriod.Day, 5), new PeriodLimit(LimitPeriod.Week, 5));
        var redemption = Samples.Redemption("cus_1");
        await Ledger.RedeemAsync(new RedeemCommand(redemption, limits), null, default);
        Clock.Advance(TimeSpan.FromDays(1));

        Assert.True((await Ledger.ReverseAsync(new ReverseCommand(redemption.Id, "rev_1", null), null, default)).IsSuccess);

        // The day is over and limits nothing any more; the week still runs and gets its use back.
        Assert.Equal((1, 0, 0), (await PeriodUsageAsync(Day), await PeriodUsageAsync(NextDay), await PeriodUsageAsync("week:2026-06-01")));
        Assert.Equal(0, (await UsageAsync(null)).PromotionRedemptions);
    }

    [Fact]
    public async Task Release_GivesBackToThePeriodTheHoldWasCountedIn()
    {
        var limits = PerPeriod(new PeriodLimit(LimitPeriod.Day, 1));
        var hold = Samples.Redemption("cus_1", holdUntil: Clock.GetUtcNow().AddMinutes(15));
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(hold, limits), null, default)).IsSuccess);
        var blocked = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_2"), limits), null, default);

        await Ledger.ReleaseAsync(hold.Id, null, default);

        Assert.Equal(RedemptionRejections.PeriodLimitReached, blocked.Errors[0].Code);
        Assert.Equal(0, await PeriodUsageAsync(Day));
        Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_2"), limits), null, default)).IsSuccess);
    }
}
