using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Events;
using Promotions.Domain.Offers;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Tests.Redemptions;

/// <summary>The ledger's decisions, made once for every adapter.</summary>
public sealed class LedgerPlannerTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Redeem_AStackOfTwoCampaigns_ChecksEachPartsLimitsInOrderThenEachBudgetOnceWithItsPartsSum()
    {
        var order = Order(("prm_a", "cmp_1", "CODE1", 10m), ("prm_b", "cmp_2", null, 4m), ("prm_c", "cmp_1", null, 6m));
        var limits = new RedemptionLimits(5, 1, 100m, "EUR");

        var plan = LedgerPlanner.Redeem(new RedeemCommand(order, [limits, limits, limits]), Clock.GetUtcNow(), Clock).Value!;

        Assert.Equal(
        [
            "code CODE1", "promotion prm_a", "customer prm_a", "promotion prm_b", "customer prm_b", "promotion prm_c", "customer prm_c",
            "budget cmp_1 1600 (part 2)", "budget cmp_2 400 (part 1)",
        ], plan.Changes.Select(Describe));
        Assert.All(plan.After.Redemptions, p => Assert.True(p.BudgetCharged));
        Assert.Equal(3, plan.Events.OfType<RedemptionRecorded>().Count());
        Assert.Null(plan.ExpectedVersion);
    }

    [Fact]
    public void Redeem_MoreThanTheMostPartsOneTransactionCarries_IsRefusedBeforeAnythingIsPlanned()
    {
        var parts = Enumerable.Range(0, LedgerPlanner.MaxParts + 1).Select(i => ($"prm_{i}", "cmp_1", (string?)null, 1m)).ToArray();
        var order = Order(parts);

        var result = LedgerPlanner.Redeem(new RedeemCommand(order, parts.Select(_ => RedemptionLimits.None).ToArray()), Clock.GetUtcNow(), Clock);

        Assert.Equal(RedemptionRejections.StackTooLarge, result.Errors[0].Code);
    }

    [Fact]
    public void Redeem_AGuestWithAPerCustomerLimitedPart_IsRefusedNamingThatPromotion()
    {
        var order = Order(("prm_a", "cmp_1", null, 1m), ("prm_b", "cmp_1", null, 1m)) with { CustomerId = null };
        order = order.WithEach(p => p with { CustomerId = null });

        var result = LedgerPlanner.Redeem(new RedeemCommand(order, [RedemptionLimits.None, new RedemptionLimits(PerCustomerLimit: 1)]), Clock.GetUtcNow(), Clock);

        Assert.Equal((RedemptionRejections.CustomerRequired, "prm_b"), (result.Errors[0].Code, result.Errors[0].Subject));
    }

    [Fact]
    public void Confirm_AHoldPastItsTime_ExpiresItGivingEverythingBackAndThenRefuses()
    {
        var hold = Order(("prm_a", "cmp_1", "CODE1", 10m)).WithEach(p => p with
        {
            Status = RedemptionStatus.Reserved, ExpiresAt = Clock.GetUtcNow(), BudgetCharged = true,
        });

        var plan = LedgerPlanner.Confirm(hold, 3, Clock.GetUtcNow(), Clock).Value!;

        Assert.Equal(RedemptionRejections.ReservationExpired, plan.ThenRefuse!.Code);
        Assert.Equal((RedemptionStatus.Expired, 3L, RedemptionStatus.Reserved), (plan.After.Status, plan.ExpectedVersion!.Value, plan.ExpectedStatus!.Value));
        Assert.Equal(["budget cmp_1 -1000 (part 0)", "promotion prm_a -1", "customer prm_a -1", "return CODE1"], plan.Changes.Select(Describe));
        Assert.IsType<ReservationExpired>(Assert.Single(plan.Events));
    }

    [Fact]
    public void Confirm_AConfirmedRedemption_IsRefusedWithWhatItIs()
    {
        var confirmed = Order(("prm_a", "cmp_1", null, 10m));

        Assert.Equal(RedemptionRejections.ReservationConfirmed, LedgerPlanner.Confirm(confirmed, 1, Clock.GetUtcNow(), Clock).Errors[0].Code);
    }

    [Fact]
    public void Attribute_AnyTotalAndDiscounts_SharesAddUpToTheTotalToTheMinorUnit()
    {
        Gen.Select(Gen.Int[0, 10_000_000], Gen.Int[0, 50_000].Array[1, 10]).Sample((totalMinor, weights) =>
        {
            var total = totalMinor / 100m;
            var shares = QuotedOrder.Attribute(total, weights.Select(w => w / 100m).ToArray(), "EUR");

            Assert.Equal(total, shares.Sum());
            Assert.All(shares, s => Assert.True(s >= 0m && decimal.Round(s, 2) == s));
        });
    }

    [Fact]
    public void Attribute_SharesFollowTheDiscounts()
    {
        Assert.Equal([75m, 25m], QuotedOrder.Attribute(100m, [30m, 10m], "EUR"));
        Assert.Equal([33.34m, 33.33m, 33.33m], QuotedOrder.Attribute(100m, [0m, 0m, 0m], "EUR"));
    }

    private static string Describe(LedgerChange change) => change switch
    {
        UseCode c => $"code {c.Code}",
        ReturnCode c => $"return {c.Code}",
        CountChange { Delta: > 0 } c => $"{c.Kind.ToString().ToLowerInvariant()} {c.PromotionId}",
        CountChange c => $"{c.Kind.ToString().ToLowerInvariant()} {c.PromotionId} {c.Delta}",
        BudgetChange b => $"budget {b.CampaignId} {b.AmountMinor} (part {b.Part})",
        _ => change.ToString(),
    };

    private static OrderRedemption Order(params (string Promotion, string Campaign, string? Code, decimal Discount)[] parts)
    {
        var now = Clock.GetUtcNow();
        var redemptions = parts.Select((p, i) => new Redemption($"rdm_1-{i + 1}", p.Promotion, null, "cus_1", "web", now, "order-1", 100m, p.Discount, "EUR",
            [new LineAllocation("a", p.Discount)], RedemptionStatus.Confirmed)
        {
            CampaignId = p.Campaign,
            Code = p.Code,
            Lines = [new RedeemedLine("a", 1, p.Discount)],
            UpdatedAt = now,
        }).ToArray();
        return new OrderRedemption("rdm_1", "order-1", "cus_1", "web", "EUR", 100m, 0m, [new OrderLine("a", 1, 100m)], redemptions, now);
    }
}
