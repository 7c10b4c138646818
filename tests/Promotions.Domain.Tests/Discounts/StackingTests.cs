using Promotions.Domain.Discounts;
using static Promotions.Domain.Tests.Discounts.Build;

namespace Promotions.Domain.Tests.Discounts;

public sealed class StackingTests
{
    private const string TenPercent = "{'type':'percent_off','percent':10}";
    private const string TenOff = "{'type':'amount_off','amount':10}";

    [Fact]
    public void Quote_WhenStacked_AppliesHigherPriorityFirstToWhatRemains()
    {
        var cart = Cart(Line("a", 100m));

        var percentFirst = Quote(cart, Candidate("p", TenPercent, priority: 10), Candidate("q", TenOff, priority: 5));
        var amountFirst = Quote(cart, Candidate("p", TenPercent, priority: 5), Candidate("q", TenOff, priority: 10));

        Assert.Equal(20m, percentFirst.LineDiscount); // 10 + 10
        Assert.Equal(19m, amountFirst.LineDiscount);  // 10 + 10% of 90
        Assert.Equal(["q", "p"], amountFirst.Applied.Select(a => a.PromotionId));
    }

    [Fact]
    public void Quote_WhenPrioritiesTie_OrdersByPromotionIdNotInput()
    {
        var cart = Cart(Line("a", 100m));
        var b = Candidate("b", TenPercent);
        var a = Candidate("a", TenOff);

        var one = Quote(cart, b, a);
        var two = Quote(cart, a, b);

        Assert.Equal(["a", "b"], one.Applied.Select(x => x.PromotionId));
        Assert.Equal(one.Applied.Select(x => (x.PromotionId, x.Amount)), two.Applied.Select(x => (x.PromotionId, x.Amount)));
        Assert.Equal(19m, one.LineDiscount);
    }

    [Fact]
    public void Quote_WhenExclusiveBeatsStack_ExcludesLowerPriority()
    {
        var quote = Quote(
            Cart(Line("a", 100m)),
            Candidate("ex", "{'type':'percent_off','percent':30}", priority: 10, exclusive: true),
            Candidate("p", TenPercent, priority: 5),
            Candidate("q", TenOff, priority: 1));

        Assert.Equal(["ex"], quote.Applied.Select(a => a.PromotionId));
        Assert.Equal(30m, quote.LineDiscount);
        Assert.All(quote.NotApplied, n => Assert.Equal(NotAppliedReasons.ExcludedByExclusive, n.Reason));
        Assert.Equal(["p", "q"], quote.NotApplied.Select(n => n.PromotionId));
    }

    [Fact]
    public void Quote_WhenStackBeatsExclusive_ChoosesStack()
    {
        var quote = Quote(
            Cart(Line("a", 100m)),
            Candidate("ex", "{'type':'percent_off','percent':15}", priority: 10, exclusive: true),
            Candidate("p", TenPercent, priority: 5),
            Candidate("q", TenOff, priority: 1));

        Assert.Equal(["p", "q"], quote.Applied.Select(a => a.PromotionId));
        Assert.Equal(NotAppliedReasons.LostToBetterDeal, Assert.Single(quote.NotApplied).Reason);
    }

    [Fact]
    public void Quote_WhenExclusiveRanksLower_KeepsHigherRankedAndStopsAfterIt()
    {
        var quote = Quote(
            Cart(Line("a", 100m)),
            Candidate("high", TenPercent, priority: 10),
            Candidate("ex", "{'type':'amount_off','amount':20}", priority: 5, exclusive: true),
            Candidate("low", "{'type':'amount_off','amount':5}", priority: 1));

        Assert.Equal(["high", "ex"], quote.Applied.Select(a => a.PromotionId));
        Assert.Equal(30m, quote.LineDiscount);
        var excluded = Assert.Single(quote.NotApplied);
        Assert.Equal(("low", NotAppliedReasons.ExcludedByExclusive), (excluded.PromotionId, excluded.Reason));
    }

    [Fact]
    public void Quote_WhenExclusivesCompete_ChoosesLargestDiscount()
    {
        var quote = Quote(
            Cart(Line("a", 100m)),
            Candidate("ex1", TenPercent, priority: 10, exclusive: true),
            Candidate("ex2", "{'type':'amount_off','amount':25}", priority: 1, exclusive: true));

        Assert.Equal("ex2", Assert.Single(quote.Applied).PromotionId);
        Assert.Equal(("ex1", NotAppliedReasons.LostToBetterDeal), (quote.NotApplied[0].PromotionId, quote.NotApplied[0].Reason));
    }

    [Fact]
    public void Quote_WhenExclusiveTiesStack_PrefersExclusive()
    {
        var quote = Quote(
            Cart(Line("a", 100m)),
            Candidate("ex", "{'type':'amount_off','amount':10}", priority: 10, exclusive: true),
            Candidate("p", TenPercent, priority: 5));

        Assert.Equal("ex", Assert.Single(quote.Applied).PromotionId);
    }

    [Fact]
    public void Quote_WhenExclusiveGivesNothing_DoesNotBlockOthers()
    {
        var quote = Quote(
            Cart(Line("a", 20m)),
            Candidate("ex", "{'type':'tiered','tiers':[{'threshold':50,'percentOff':50}]}", priority: 10, exclusive: true),
            Candidate("p", TenPercent, priority: 5));

        Assert.Equal("p", Assert.Single(quote.Applied).PromotionId);
        var miss = Assert.Single(quote.NotApplied);
        Assert.Equal((NotAppliedReasons.ThresholdNotMet, "Add 30.00 EUR to qualify."), (miss.Reason, miss.Hint));
    }

    [Fact]
    public void Quote_WhenGroupMembersCompete_AppliesBiggestOnly()
    {
        var quote = Quote(
            Cart(Line("a", 100m)),
            Candidate("small", TenPercent, priority: 10, group: "welcome"),
            Candidate("big", "{'type':'amount_off','amount':15}", priority: 1, group: "welcome"),
            Candidate("other", "{'type':'amount_off','amount':5}"));

        Assert.Equal(["big", "other"], quote.Applied.Select(a => a.PromotionId).Order(StringComparer.Ordinal));
        var lost = Assert.Single(quote.NotApplied);
        Assert.Equal(("small", NotAppliedReasons.LostToBetterInGroup), (lost.PromotionId, lost.Reason));
        Assert.Contains("big", lost.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_WhenGroupMemberBetterAlone_ChoosesBestInStackContext()
    {
        // Alone, 60% off shoes (30) beats 25 off the order; after "shoes free" (priority 10) takes every shoe,
        // only the order discount still gives something.
        var cart = Cart(Line("shoe", 50m, sku: "SHOE"), Line("hat", 50m, sku: "HAT"));
        var quote = Quote(
            cart,
            Candidate("free-shoes", "{'type':'percent_off','percent':100,'target':{'scope':'items','filter':{'skus':['SHOE']}}}", priority: 10),
            Candidate("shoes60", "{'type':'percent_off','percent':60,'target':{'scope':'items','filter':{'skus':['SHOE']}}}", group: "g"),
            Candidate("order25", "{'type':'amount_off','amount':25}", group: "g"));

        Assert.Equal(["free-shoes", "order25"], quote.Applied.Select(a => a.PromotionId));
        Assert.Equal(75m, quote.LineDiscount);
    }

    [Fact]
    public void Quote_WhenGroupMemberMissesThreshold_ReportsHowToQualify()
    {
        var quote = Quote(
            Cart(Line("a", 40m)),
            Candidate("tier", "{'type':'tiered','tiers':[{'threshold':50,'percentOff':20}]}", group: "g"),
            Candidate("p", TenPercent, group: "g"));

        Assert.Equal(NotAppliedReasons.ThresholdNotMet, Assert.Single(quote.NotApplied).Reason);
    }

    [Fact]
    public void Quote_WhenCodesExceedLimit_RejectsLaterCodes()
    {
        var policy = QuotePolicy.Default with { MaxCodesPerCart = 1 };
        var quote = DiscountEngine.Quote(
            Cart(Line("a", 100m)),
            [
                Candidate("p2", TenOff, priority: 1, code: "SECOND"),
                Candidate("p1", TenPercent, priority: 5, code: "FIRST"),
                Candidate("p3", "{'type':'free_gift','sku':'G','value':1}", priority: 4, code: "FIRST"),
                Candidate("auto", "{'type':'amount_off','amount':1}"),
            ],
            policy);

        Assert.Equal(["p1", "p3", "auto"], quote.Applied.Select(a => a.PromotionId));
        var rejected = Assert.Single(quote.NotApplied);
        Assert.Equal(("p2", "SECOND", NotAppliedReasons.CodeLimitReached), (rejected.PromotionId, rejected.Code, rejected.Reason));
        Assert.NotNull(rejected.Hint);
    }

    [Fact]
    public void Quote_WhenGiftCompetesInGroup_CountsGiftValue()
    {
        var quote = Quote(
            Cart(Line("a", 100m)),
            Candidate("gift", "{'type':'free_gift','sku':'G','value':20}", group: "g"),
            Candidate("off", "{'type':'amount_off','amount':5}", group: "g"));

        Assert.Equal("gift", Assert.Single(quote.Applied).PromotionId);
    }

    [Fact]
    public void Quote_WhenLaterPromotionFindsNothingLeft_ReturnsNoDiscount()
    {
        var quote = Quote(
            Cart(Line("a", 10m)),
            Candidate("all", "{'type':'percent_off','percent':100}", priority: 2),
            Candidate("more", TenOff, priority: 1));

        var miss = Assert.Single(quote.NotApplied);
        Assert.Equal(("more", NotAppliedReasons.NoDiscount), (miss.PromotionId, miss.Reason));
        Assert.Equal(0m, quote.Total);
    }
}
