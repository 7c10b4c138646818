using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Offers;
using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;
using static Promotions.Domain.Tests.Offers.OfferFixtures;

namespace Promotions.Domain.Tests.Redemptions;

/// <summary>Per-period limits: their UTC periods, their place in the ledger's plan, the stack bound they tighten, and the quote.</summary>
public sealed class PeriodLimitTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 6, 3, 23, 30, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("2026-06-03T23:59:59+00:00", LimitPeriod.Day, "day:2026-06-03", "2026-06-04T00:00:00+00:00")]
    [InlineData("2026-06-04T00:30:00+02:00", LimitPeriod.Day, "day:2026-06-03", "2026-06-04T00:00:00+00:00")]
    [InlineData("2026-06-03T12:00:00+00:00", LimitPeriod.Week, "week:2026-06-01", "2026-06-08T00:00:00+00:00")]
    [InlineData("2026-06-07T23:59:59+00:00", LimitPeriod.Week, "week:2026-06-01", "2026-06-08T00:00:00+00:00")]
    [InlineData("2026-06-08T00:00:00+00:00", LimitPeriod.Week, "week:2026-06-08", "2026-06-15T00:00:00+00:00")]
    public void Of_AnInstant_IsTheUtcDayOrTheWeekFromMonday(string at, LimitPeriod period, string key, string end)
    {
        var instant = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(key, PeriodKeys.Of(period, instant));
        Assert.Equal(DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture), PeriodKeys.End(key));
    }

    [Fact]
    public void Redeem_WithPeriodLimits_ChecksThemAfterTheCustomerCountAndRecordsThePeriodsOnThePart()
    {
        var limits = new RedemptionLimits(5, 1, 100m, "EUR")
        {
            PeriodLimits = [new PeriodLimit(LimitPeriod.Day, 10), new PeriodLimit(LimitPeriod.Week, 2, PerCustomer: true)],
        };

        var plan = LedgerPlanner.Redeem(new RedeemCommand(Part("prm_a"), [limits]), Clock.GetUtcNow(), Clock).Value!;

        Assert.Equal(
            ["Promotion", "Customer", "PromotionPeriod day:2026-06-03 10", "CustomerPeriod week:2026-06-01 2 cus_1"],
            plan.Changes.OfType<CountChange>().Select(c => c.Period is null ? $"{c.Kind}" : $"{c.Kind} {c.Period} {c.Cap}{(c.CustomerId is null ? "" : " " + c.CustomerId)}"));
        Assert.Equal([new CountedPeriod("day:2026-06-03", false), new CountedPeriod("week:2026-06-01", true)], plan.After.Redemptions[0].Periods);
    }

    [Fact]
    public void Redeem_WithTwoLimitsOnOneCounter_CountsItOnceWithTheTighterOne()
    {
        var limits = RedemptionLimits.None with { PeriodLimits = [new PeriodLimit(LimitPeriod.Day, 10), new PeriodLimit(LimitPeriod.Day, 3)] };

        var plan = LedgerPlanner.Redeem(new RedeemCommand(Part("prm_a"), [limits]), Clock.GetUtcNow(), Clock).Value!;

        Assert.Equal([3], plan.Changes.OfType<CountChange>().Where(c => c.Period is not null).Select(c => c.Cap));
    }

    [Fact]
    public void Release_AfterTheDayCountedInEnded_GivesBackOnlyToTheWeekStillRunning()
    {
        var limits = RedemptionLimits.None with { PeriodLimits = [new PeriodLimit(LimitPeriod.Day, 10), new PeriodLimit(LimitPeriod.Week, 10)] };
        var hold = Part("prm_a").WithEach(p => p with { Status = RedemptionStatus.Reserved, ExpiresAt = Clock.GetUtcNow().AddHours(1) });
        var held = LedgerPlanner.Redeem(new RedeemCommand(hold, [limits]), Clock.GetUtcNow(), Clock).Value!.After;

        var release = LedgerPlanner.Release(held, 1, Clock.GetUtcNow().AddMinutes(45), Clock).Value!;

        Assert.Equal(["week:2026-06-01"], release.Changes.OfType<CountChange>().Where(c => c.Period is not null).Select(c => c.Period!));
    }

    [Theory]
    [InlineData(10, 0, true)]
    [InlineData(10, 8, true)]
    [InlineData(10, 9, false)]
    [InlineData(9, 9, true)]
    public void Redeem_StacksWithPeriodLimits_FitOneTransactionOrAreRefused(int parts, int periodLimitsPerPart, bool fits)
    {
        // 10 parts of 9 items and the order's 2 make 92; each period limit of a part takes one of the 8 items left.
        var order = Enumerable.Range(0, parts).Select(i => $"prm_{i}").ToArray();
        var limits = Enumerable.Range(0, parts).Select(i => RedemptionLimits.None with
        {
            PeriodLimits = i == 0 ? [.. Enumerable.Range(0, periodLimitsPerPart).Select(d => new PeriodLimit(LimitPeriod.Day, 100 + d))] : [],
        }).ToArray();
        if (parts == 9)
        {
            limits = [.. limits.Select(l => l with { PeriodLimits = [new PeriodLimit(LimitPeriod.Day, 1)] })];
        }

        var result = LedgerPlanner.Redeem(new RedeemCommand(Stack(order), limits), Clock.GetUtcNow(), Clock);

        Assert.Equal(fits ? null : RedemptionRejections.StackTooLarge, result.IsSuccess ? null : result.Errors[0].Code);
        Assert.Equal(fits, LedgerPlanner.PartsThatFit(limits.Select(l => l.PeriodLimits.Count)) == parts);
    }

    [Theory]
    [InlineData(4, 0, null)]
    [InlineData(5, 0, OfferReasons.PeriodLimitReached)]
    [InlineData(0, 1, OfferReasons.CustomerPeriodLimitReached)]
    public void Evaluate_WithPeriodUsage_RefusesWhenThePeriodOfNowIsFull(long dayUses, long customerWeekUses, string? reason)
    {
        var live = Live(Promotion() with
        {
            PeriodLimits = [new PeriodLimit(LimitPeriod.Day, 5), new PeriodLimit(LimitPeriod.Week, 1, PerCustomer: true)],
        });
        var none = Usage(0, 0, 0m);
        var usage = new UsageCounts(none.PromotionRedemptions, none.CustomerRedemptions, none.BudgetSpent)
        {
            PeriodRedemptions = new Dictionary<PeriodCounter, long> { [new("prm_1", PeriodKeys.Of(LimitPeriod.Day, Now))] = dayUses },
            CustomerPeriodRedemptions = new Dictionary<PeriodCounter, long> { [new("prm_1", PeriodKeys.Of(LimitPeriod.Week, Now))] = customerWeekUses },
        };

        var decision = EligibilityEvaluator.Evaluate(live, Request(customer: Known, usage: usage));

        Assert.Equal(reason, decision.Reason);
    }

    private static OrderRedemption Part(string promotionId) => Stack([promotionId]);

    private static OrderRedemption Stack(string[] promotionIds)
    {
        var now = Clock.GetUtcNow();
        var parts = promotionIds.Select((p, i) => new Redemption($"rdm_1-{i + 1}", p, null, "cus_1", "web", now, "order-1", 100m, 1m, "EUR",
            [new LineAllocation("a", 1m)], RedemptionStatus.Confirmed)
        {
            CampaignId = "cmp_1",
            Lines = [new RedeemedLine("a", 1, 1m)],
            UpdatedAt = now,
        }).ToArray();
        return new OrderRedemption("rdm_1", "order-1", "cus_1", "web", "EUR", 100m, 0m, [new OrderLine("a", 1, 100m)], parts, now);
    }
}
