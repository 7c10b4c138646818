using Promotions.Domain.Carts;
using Promotions.Domain.Discounts;
using static Promotions.Domain.Tests.Discounts.Build;

namespace Promotions.Domain.Tests.Discounts;

public sealed class LineEffectQuoteTests
{
    [Fact]
    public void Quote_WhenPercentOffOrder_DiscountsEveryLine()
    {
        var quote = Quote(Cart(Line("a", 10m, 2), Line("b", 30m)), Candidate("p1", "{'type':'percent_off','percent':20}"));

        Assert.Equal(50m, quote.Subtotal);
        Assert.Equal(10m, quote.LineDiscount);
        Assert.Equal(40m, quote.Total);
        Assert.Equal(4m, LineDiscount(quote, "a"));
        Assert.Equal(6m, LineDiscount(quote, "b"));
        var applied = Assert.Single(quote.Applied);
        Assert.Equal(("p1", 10m), (applied.PromotionId, applied.Amount));
        Assert.Empty(quote.NotApplied);
    }

    [Fact]
    public void Quote_WhenPercentOffHasCap_StopsAtCap()
    {
        var quote = Quote(Cart(Line("a", 400m)), Candidate("p1", "{'type':'percent_off','percent':20,'maxDiscount':50}"));
        Assert.Equal(50m, quote.LineDiscount);
    }

    [Fact]
    public void Quote_WhenPercentGivesFractions_RoundsDown()
    {
        // 15% of 9.99 is 1.4985: a percentage never rounds up.
        var quote = Quote(Cart(Line("a", 9.99m)), Candidate("p1", "{'type':'percent_off','percent':15}"));
        Assert.Equal(1.49m, quote.LineDiscount);
    }

    [Fact]
    public void Quote_WhenPercentOffItems_DiscountsOnlyMatchingLines()
    {
        var cart = Cart(Line("a", 10m, sku: "A"), Line("b", 20m, sku: "B", category: "shoes"), Line("c", 40m, sku: "C", category: "shoes"));
        var quote = Quote(cart, Candidate("p1", "{'type':'percent_off','percent':50,'target':{'scope':'items','filter':{'categories':['shoes'],'excludeSkus':['C']}}}"));

        Assert.Equal(0m, LineDiscount(quote, "a"));
        Assert.Equal(10m, LineDiscount(quote, "b"));
        Assert.Equal(0m, LineDiscount(quote, "c"));
    }

    [Fact]
    public void Quote_WhenNoLineMatches_ReturnsNoMatchingItemsWithHint()
    {
        var quote = Quote(Cart(Line("a", 10m)), Candidate("p1", "{'type':'percent_off','percent':10,'target':{'scope':'items','filter':{'skus':['X']}}}"));

        var miss = Assert.Single(quote.NotApplied);
        Assert.Equal(NotAppliedReasons.NoMatchingItems, miss.Reason);
        Assert.Equal("Add an item from SKU X.", miss.Hint);
        Assert.Empty(quote.Applied);
    }

    [Fact]
    public void Quote_WhenAmountOff_SpreadsProportionallyAndExactly()
    {
        var quote = Quote(Cart(Line("a", 10m), Line("b", 10m), Line("c", 10m)), Candidate("p1", "{'type':'amount_off','amount':10}"));

        Assert.Equal(10m, quote.LineDiscount);
        // 3.333… each; the leftover cent goes to the lowest line id.
        Assert.Equal([3.34m, 3.33m, 3.33m], quote.Lines.Select(l => l.Discount));
        Assert.Equal(10m, quote.Applied[0].Allocations.Sum(a => a.Amount));
    }

    [Fact]
    public void Quote_WhenAmountOffExceedsCart_TakesAtMostTheCart()
    {
        var quote = Quote(Cart(Line("a", 4m)), Candidate("p1", "{'type':'amount_off','amount':10}"));
        Assert.Equal(4m, quote.LineDiscount);
        Assert.Equal(0m, quote.Total);
    }

    [Fact]
    public void Quote_WhenEffectCurrencyDiffers_ReturnsCurrencyMismatch()
    {
        var quote = Quote(Cart(Line("a", 40m)), Candidate("p1", "{'type':'amount_off','amount':10,'currency':'USD'}"));

        var miss = Assert.Single(quote.NotApplied);
        Assert.Equal(NotAppliedReasons.CurrencyMismatch, miss.Reason);
        Assert.Equal(0m, quote.TotalDiscount);
    }

    [Fact]
    public void Quote_WhenFixedPrice_GroupsMostExpensiveUnitsFirst()
    {
        // Units 6, 5, 5, 4, 3: groups (6+5+5) -> 10 saves 6, (4+3) is incomplete.
        var cart = Cart(Line("a", 5m, 2, sku: "S"), Line("b", 6m, sku: "S"), Line("c", 4m, sku: "S"), Line("d", 3m, sku: "S"));
        var quote = Quote(cart, Candidate("p1", "{'type':'fixed_price','quantity':3,'price':10}"));

        Assert.Equal(6m, quote.LineDiscount);
        Assert.Equal(0m, LineDiscount(quote, "c") + LineDiscount(quote, "d"));
        Assert.Equal(3.75m, LineDiscount(quote, "a")); // 6 × 10/16
        Assert.Equal(2.25m, LineDiscount(quote, "b")); // 6 × 6/16
    }

    [Fact]
    public void Quote_WhenFixedPriceHasMaxApplications_PricesThatManyGroups()
    {
        var quote = Quote(Cart(Line("a", 5m, 9)), Candidate("p1", "{'type':'fixed_price','quantity':3,'price':10,'maxApplications':2}"));
        Assert.Equal(10m, quote.LineDiscount);
    }

    [Fact]
    public void Quote_WhenFixedPriceNotCheaper_ReturnsNoDiscount()
    {
        var quote = Quote(Cart(Line("a", 3m, 3)), Candidate("p1", "{'type':'fixed_price','quantity':3,'price':10}"));
        Assert.Equal(NotAppliedReasons.NoDiscount, Assert.Single(quote.NotApplied).Reason);
    }

    [Fact]
    public void Quote_WhenFixedPriceLacksUnits_ReturnsNotEnoughItemsWithHint()
    {
        var quote = Quote(
            Cart(Line("a", 5m, 2, sku: "S")),
            Candidate("p1", "{'type':'fixed_price','quantity':3,'price':10,'target':{'scope':'items','filter':{'skus':['S']}}}"));

        var miss = Assert.Single(quote.NotApplied);
        Assert.Equal(NotAppliedReasons.NotEnoughItems, miss.Reason);
        Assert.Equal("Add 1 more item from SKU S.", miss.Hint);
    }

    [Fact]
    public void Quote_WhenTieredSubtotal_AppliesHighestReachedTier()
    {
        const string Tiers = "{'type':'tiered','tiers':[{'threshold':50,'percentOff':5},{'threshold':100,'amountOff':15}]}";
        Assert.Equal(3m, Quote(Cart(Line("a", 60m)), Candidate("t", Tiers)).LineDiscount);
        Assert.Equal(15m, Quote(Cart(Line("a", 60m), Line("b", 40m)), Candidate("t", Tiers)).LineDiscount);
    }

    [Fact]
    public void Quote_WhenTierThresholdNotMet_ReturnsHint()
    {
        var quote = Quote(Cart(Line("a", 38m)), Candidate("t", "{'type':'tiered','tiers':[{'threshold':50,'percentOff':5}]}"));

        var miss = Assert.Single(quote.NotApplied);
        Assert.Equal(NotAppliedReasons.ThresholdNotMet, miss.Reason);
        Assert.Equal("Add 12.00 EUR to qualify.", miss.Hint);
    }

    [Fact]
    public void Quote_WhenTierThresholdNotMetInKwd_FormatsThreeDecimals()
    {
        var cart = new Cart("KWD", [Line("a", 38.5m)]);
        var quote = DiscountEngine.Quote(cart, [Candidate("t", "{'type':'tiered','tiers':[{'threshold':50,'percentOff':5}]}")], QuotePolicy.Default);
        Assert.Equal("Add 11.500 KWD to qualify.", quote.NotApplied[0].Hint);
    }

    [Fact]
    public void Quote_WhenTieredByQuantityNotMet_HintsItemCount()
    {
        var quote = Quote(
            Cart(Line("a", 5m, 1, category: "socks")),
            Candidate("t", "{'type':'tiered','basis':'quantity','tiers':[{'threshold':3,'percentOff':10}],'target':{'scope':'items','filter':{'categories':['socks']}}}"));
        Assert.Equal("Add 2 more items from category socks to qualify.", quote.NotApplied[0].Hint);
    }

    [Fact]
    public void Quote_WhenTieredByQuantityMet_DiscountsTargets()
    {
        var quote = Quote(Cart(Line("a", 10m, 3)), Candidate("t", "{'type':'tiered','basis':'quantity','tiers':[{'threshold':3,'percentOff':10}]}"));
        Assert.Equal(3m, quote.LineDiscount);
    }

    [Fact]
    public void Quote_WhenFreeShipping_DiscountsShippingNotLines()
    {
        var cart = new Cart("EUR", [Line("a", 20m)], Shipping: 4.95m);
        var quote = DiscountEngine.Quote(cart, [Candidate("s", "{'type':'free_shipping'}")], QuotePolicy.Default);

        Assert.Equal((0m, 4.95m, 20m), (quote.LineDiscount, quote.ShippingDiscount, quote.Total));
        var applied = Assert.Single(quote.Applied);
        Assert.Empty(applied.Allocations);
        Assert.Equal(4.95m, applied.ShippingDiscount);
    }

    [Fact]
    public void Quote_WhenFreeShippingCapped_TakesCap()
    {
        var cart = new Cart("EUR", [Line("a", 20m)], Shipping: 9m);
        var quote = DiscountEngine.Quote(cart, [Candidate("s", "{'type':'free_shipping','maxDiscount':5}")], QuotePolicy.Default);
        Assert.Equal(5m, quote.ShippingDiscount);
        Assert.Equal(24m, quote.Total);
    }

    [Fact]
    public void Quote_WhenNoShippingCharge_FreeShippingGivesNoDiscount()
    {
        var quote = Quote(Cart(Line("a", 20m)), Candidate("s", "{'type':'free_shipping'}"));
        Assert.Equal(NotAppliedReasons.NoDiscount, Assert.Single(quote.NotApplied).Reason);
    }

    [Fact]
    public void Quote_WhenFreeGift_ReportsGiftWithoutLoweringTotal()
    {
        var quote = Quote(Cart(Line("a", 20m)), Candidate("g", "{'type':'free_gift','sku':'GIFT-1','quantity':2,'value':5.00}"));

        var applied = Assert.Single(quote.Applied);
        Assert.Equal(new GiftLine("GIFT-1", 2, 10m), Assert.Single(applied.Gifts));
        Assert.Equal((0m, 10m), (applied.Amount, applied.Cost));
        Assert.Equal(20m, quote.Total);
    }

    [Fact]
    public void Quote_WhenJpy_RoundsToWholeYen()
    {
        var cart = new Cart("JPY", [Line("a", 333m), Line("b", 333m), Line("c", 334m)]);
        var quote = DiscountEngine.Quote(cart, [Candidate("p", "{'type':'percent_off','percent':33.3}")], QuotePolicy.Default);

        Assert.Equal(333m, quote.LineDiscount); // 333.0 exactly
        Assert.All(quote.Lines, l => Assert.Equal(decimal.Truncate(l.Discount), l.Discount));
        Assert.Equal(333m, quote.Lines.Sum(l => l.Discount));
    }

    [Fact]
    public void Quote_WhenLinesReordered_GivesSameLineDiscounts()
    {
        var lines = new[] { Line("b", 10m), Line("a", 10m), Line("c", 10m) };
        var candidate = Candidate("p1", "{'type':'amount_off','amount':10}");

        var first = Quote(new Cart("EUR", lines), candidate);
        var second = Quote(new Cart("EUR", lines.Reverse().ToArray()), candidate);

        Assert.Equal(3.34m, LineDiscount(first, "a"));
        Assert.Equal(first.Lines.OrderBy(l => l.LineId, StringComparer.Ordinal), second.Lines.OrderBy(l => l.LineId, StringComparer.Ordinal));
        Assert.Equal(["b", "a", "c"], first.Lines.Select(l => l.LineId));
    }

    [Fact]
    public void Quote_WhenCartEmpty_GivesNothing()
    {
        var quote = Quote(new Cart("EUR", Array.Empty<CartLine>()), Candidate("p1", "{'type':'percent_off','percent':10}"));
        Assert.Equal((0m, 0m), (quote.Total, quote.TotalDiscount));
        Assert.Equal(NotAppliedReasons.NoMatchingItems, Assert.Single(quote.NotApplied).Reason);
    }
}
