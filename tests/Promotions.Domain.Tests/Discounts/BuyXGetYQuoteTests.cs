using Promotions.Domain.Discounts;
using static Promotions.Domain.Tests.Discounts.Build;

namespace Promotions.Domain.Tests.Discounts;

public sealed class BuyXGetYQuoteTests
{
    private const string BuyTwoGetOne = "{'type':'buy_x_get_y','buy':{'quantity':2},'get':{'quantity':1}}";

    [Fact]
    public void Quote_WhenBuyTwoGetOne_GivesCheapestFree()
    {
        var quote = Quote(Cart(Line("a", 30m), Line("b", 20m), Line("c", 10m)), Candidate("b2g1", BuyTwoGetOne));

        Assert.Equal(10m, quote.LineDiscount);
        Assert.Equal(10m, LineDiscount(quote, "c"));
    }

    [Fact]
    public void Quote_WhenBuyTwoGetOneRepeats_GivesEachThirdCheapestFree()
    {
        // Units 100, 80, 50, 30, 20, 10: the two cheapest (10 and 20) are free.
        var cart = Cart(Line("a", 100m), Line("b", 80m), Line("c", 50m), Line("d", 30m), Line("e", 20m), Line("f", 10m));
        var quote = Quote(cart, Candidate("b2g1", BuyTwoGetOne));

        Assert.Equal(30m, quote.LineDiscount);
        Assert.Equal((20m, 10m), (LineDiscount(quote, "e"), LineDiscount(quote, "f")));
    }

    [Fact]
    public void Quote_WhenMaxApplications_CapsRepeats()
    {
        var quote = Quote(Cart(Line("a", 10m, 9)), Candidate("b2g1", "{'type':'buy_x_get_y','buy':{'quantity':2},'get':{'quantity':1},'maxApplications':2}"));
        Assert.Equal(20m, quote.LineDiscount);
    }

    [Fact]
    public void Quote_WhenNotRepeating_AppliesOnce()
    {
        var quote = Quote(Cart(Line("a", 10m, 9)), Candidate("b1g1", "{'type':'buy_x_get_y','buy':{'quantity':1},'get':{'quantity':1},'repeat':false}"));
        Assert.Equal(10m, quote.LineDiscount);
    }

    [Fact]
    public void Quote_WhenBuyUnitsAreOnlyGetUnits_DoesNotReuseThem()
    {
        // Two units only: both are needed as "buy", none is left to get.
        var quote = Quote(Cart(Line("a", 10m, 2)), Candidate("b2g1", BuyTwoGetOne));

        var miss = Assert.Single(quote.NotApplied);
        Assert.Equal(NotAppliedReasons.NotEnoughItems, miss.Reason);
        Assert.Equal("Add 1 more item.", miss.Hint);
    }

    [Fact]
    public void Quote_WhenBuyItemsMissing_HintsBuyFilter()
    {
        var quote = Quote(
            Cart(Line("a", 10m, sku: "SHIRT")),
            Candidate("x", "{'type':'buy_x_get_y','buy':{'quantity':2,'filter':{'skus':['SHIRT']}},'get':{'quantity':1,'filter':{'skus':['TIE']}}}"));

        Assert.Equal("Add 1 more item from SKU SHIRT.", quote.NotApplied[0].Hint);
    }

    [Fact]
    public void Quote_WhenGetFilterDiffers_DiscountsGetItemsAtPercent()
    {
        var cart = Cart(Line("s", 40m, 2, sku: "SHIRT"), Line("t", 20m, sku: "TIE"));
        var quote = Quote(cart, Candidate("x",
            "{'type':'buy_x_get_y','buy':{'quantity':2,'filter':{'skus':['SHIRT']}},'get':{'quantity':1,'filter':{'skus':['TIE']},'percentOff':50}}"));

        Assert.Equal(10m, LineDiscount(quote, "t"));
        Assert.Equal(0m, LineDiscount(quote, "s"));
    }

    [Fact]
    public void Quote_WhenBuyUnitCouldAlsoBeGet_PrefersOtherBuyUnits()
    {
        // Buy any shoe or sock, get a sock: the shoe is the buy so that the sock can be free.
        var cart = Cart(Line("shoe", 50m, sku: "SHOE"), Line("sock", 5m, sku: "SOCK"));
        var quote = Quote(cart, Candidate("x",
            "{'type':'buy_x_get_y','buy':{'quantity':1,'filter':{'skus':['SHOE','SOCK']}},'get':{'quantity':1,'filter':{'skus':['SOCK']}}}"));

        Assert.Equal(5m, LineDiscount(quote, "sock"));
    }

    [Fact]
    public void Quote_WhenSpecified_DiscountsListedSkusInOrder()
    {
        var cart = Cart(Line("s", 40m, 2, sku: "SHIRT"), Line("b", 10m, sku: "BELT"), Line("t", 20m, sku: "TIE"));
        var quote = Quote(cart, Candidate("x",
            "{'type':'buy_x_get_y','choose':'specified','buy':{'quantity':2,'filter':{'skus':['SHIRT']}},'get':{'quantity':1,'filter':{'skus':['TIE','BELT']}}}"));

        Assert.Equal(20m, LineDiscount(quote, "t"));
        Assert.Equal(0m, LineDiscount(quote, "b"));
    }

    [Fact]
    public void Quote_WhenCheapest_DiscountsCheapestOfGetFilter()
    {
        var cart = Cart(Line("s", 40m, 2, sku: "SHIRT"), Line("b", 10m, sku: "BELT"), Line("t", 20m, sku: "TIE"));
        var quote = Quote(cart, Candidate("x",
            "{'type':'buy_x_get_y','buy':{'quantity':2,'filter':{'skus':['SHIRT']}},'get':{'quantity':1,'filter':{'skus':['TIE','BELT']}}}"));

        Assert.Equal(10m, LineDiscount(quote, "b"));
    }
}
