using Promotions.Domain.Carts;
using Promotions.Domain.Discounts;
using static Promotions.Domain.Tests.Discounts.Build;

namespace Promotions.Domain.Tests.Discounts;

public sealed class GuardrailTests
{
    private const string TwentyPercent = "{'type':'percent_off','percent':20}";

    [Fact]
    public void Quote_WhenCombinedCapExceeded_TrimsLastAppliedFirst()
    {
        var policy = QuotePolicy.Default with { MaxCombinedDiscountPercent = 30m };
        var quote = DiscountEngine.Quote(
            Cart(Line("a", 100m)),
            [Candidate("first", TwentyPercent, priority: 2), Candidate("second", TwentyPercent, priority: 1)],
            policy);

        Assert.Equal(30m, quote.LineDiscount);
        Assert.Equal([(20m, 0m), (10m, 6m)], quote.Applied.Select(a => (a.Amount, a.GuardrailReduction)));
    }

    [Fact]
    public void Quote_WhenCombinedCapReached_ReportsCappedByGuardrail()
    {
        var policy = QuotePolicy.Default with { MaxCombinedDiscountPercent = 20m };
        var quote = DiscountEngine.Quote(
            Cart(Line("a", 100m)),
            [Candidate("first", TwentyPercent, priority: 2), Candidate("second", TwentyPercent, priority: 1)],
            policy);

        var capped = Assert.Single(quote.NotApplied);
        Assert.Equal(("second", NotAppliedReasons.CappedByGuardrail), (capped.PromotionId, capped.Reason));
        Assert.Equal(20m, quote.LineDiscount);
    }

    [Fact]
    public void Quote_WhenCombinedCapSet_LeavesShippingDiscountOutside()
    {
        var policy = QuotePolicy.Default with { MaxCombinedDiscountPercent = 10m };
        var quote = DiscountEngine.Quote(
            new Cart("EUR", [Line("a", 100m)], Shipping: 5m),
            [Candidate("p", TwentyPercent), Candidate("s", "{'type':'free_shipping'}")],
            policy);

        Assert.Equal((10m, 5m, 90m), (quote.LineDiscount, quote.ShippingDiscount, quote.Total));
    }

    [Fact]
    public void Quote_WhenPriceFloorSet_KeepsLineAboveFloor()
    {
        var policy = QuotePolicy.Default with { PriceFloorPercent = 90m };
        var quote = DiscountEngine.Quote(Cart(Line("a", 100m), Line("b", 10m)), [Candidate("p", "{'type':'percent_off','percent':50}")], policy);

        Assert.Equal([10m, 1m], quote.Lines.Select(l => l.Discount));
        Assert.All(quote.Lines, l => Assert.True(l.Final >= l.Original * 0.9m));
    }

    [Fact]
    public void Quote_WhenFloorLeavesNoRoom_ReturnsNoDiscount()
    {
        var policy = QuotePolicy.Default with { PriceFloorPercent = 100m };
        var quote = DiscountEngine.Quote(Cart(Line("a", 100m)), [Candidate("p", TwentyPercent)], policy);
        Assert.Equal(NotAppliedReasons.NoDiscount, Assert.Single(quote.NotApplied).Reason);
    }

    [Fact]
    public void Quote_WhenLineNonDiscountable_NeverDiscountsIt()
    {
        var quote = Quote(
            Cart(Line("card", 50m, nonDiscountable: true), Line("a", 50m)),
            Candidate("p", TwentyPercent),
            Candidate("q", "{'type':'amount_off','amount':100}"));

        Assert.Equal(0m, LineDiscount(quote, "card"));
        Assert.Equal(50m, LineDiscount(quote, "a"));
        Assert.Equal(50m, quote.Total);
    }

    [Fact]
    public void Quote_WhenOnlyNonDiscountableLinesMatch_ReturnsItemsNotDiscountable()
    {
        var quote = Quote(Cart(Line("card", 50m, nonDiscountable: true)), Candidate("p", TwentyPercent));
        Assert.Equal(NotAppliedReasons.ItemsNotDiscountable, Assert.Single(quote.NotApplied).Reason);
    }

    [Fact]
    public void Quote_WhenPolicyExcludesAlreadyDiscounted_SkipsThoseLines()
    {
        var cart = Cart(Line("sale", 50m, alreadyDiscounted: true), Line("a", 50m));

        var allowed = DiscountEngine.Quote(cart, [Candidate("p", TwentyPercent)], QuotePolicy.Default);
        var excluded = DiscountEngine.Quote(cart, [Candidate("p", TwentyPercent)], QuotePolicy.Default with { ExcludeAlreadyDiscounted = true });

        Assert.Equal(10m, LineDiscount(allowed, "sale"));
        Assert.Equal((0m, 10m), (LineDiscount(excluded, "sale"), LineDiscount(excluded, "a")));
    }

    [Fact]
    public void Quote_WhenEffectExcludesAlreadyDiscounted_SkipsThoseLines()
    {
        var quote = Quote(
            Cart(Line("sale", 50m, alreadyDiscounted: true), Line("a", 50m)),
            Candidate("p", "{'type':'percent_off','percent':20,'excludeAlreadyDiscounted':true}"));
        Assert.Equal(0m, LineDiscount(quote, "sale"));
    }

    [Fact]
    public void Quote_WhenDiscountsExceedCart_TotalStaysAtZero()
    {
        var quote = Quote(
            new Cart("EUR", [Line("a", 30m)], Shipping: 5m),
            Candidate("p", "{'type':'amount_off','amount':1000}", priority: 1),
            Candidate("q", "{'type':'percent_off','percent':100}"),
            Candidate("s", "{'type':'free_shipping'}"));

        Assert.Equal(0m, quote.Total);
        Assert.Equal(35m, quote.TotalDiscount);
        Assert.All(quote.Lines, l => Assert.Equal(0m, l.Final));
    }

    [Theory]
    [InlineData(-1.0, null)]
    [InlineData(101.0, null)]
    [InlineData(null, 100.5)]
    public void Quote_WhenPolicyPercentOutOfRange_Throws(double? maxCombined, double? floor)
    {
        var policy = new QuotePolicy((decimal?)maxCombined, PriceFloorPercent: (decimal?)floor);
        Assert.Throws<ArgumentOutOfRangeException>(() => DiscountEngine.Quote(Cart(Line("a", 1m)), [], policy));
    }
}
