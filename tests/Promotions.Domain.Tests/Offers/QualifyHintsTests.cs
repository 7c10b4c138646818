using Promotions.Domain.Offers;
using static Promotions.Domain.Tests.Offers.OfferFixtures;

namespace Promotions.Domain.Tests.Offers;

public sealed class QualifyHintsTests
{
    [Theory]
    [InlineData("gte", 50, 38, "Add 12.00 EUR to qualify.")]
    [InlineData("gt", 50, 38, "Add 12.01 EUR to qualify.")]
    [InlineData("gte", 49.995, 38, "Add 12.00 EUR to qualify.")]
    public void Evaluate_WhenSubtotalBelowThreshold_HintsTheMissingAmount(string op, decimal threshold, decimal price, string hint)
    {
        var live = Live(Promotion(rules: [$"{{'fact':'cart.subtotal','op':'{op}','value':{threshold}}}"]));

        var decision = EligibilityEvaluator.Evaluate(live, Request(Cart(price)));

        Assert.Equal(OfferReasons.NotEligible, decision.Reason);
        Assert.Equal(hint, decision.Hint);
        var failed = Assert.Single(decision.FailedConditions);
        Assert.Equal(("cart.subtotal", op, "38"), (failed.Fact, failed.Operator, failed.Actual));
    }

    [Fact]
    public void Evaluate_WhenSubtotalThresholdInJpy_RoundsToWholeYen()
    {
        var live = Live(Promotion(rules: ["{'fact':'cart.subtotal','op':'gte','value':5000}"]));
        var cart = new Carts.Cart("JPY", [new Carts.CartLine("l1", "SKU-1", null, 1, 3200m)]);

        var decision = EligibilityEvaluator.Evaluate(live, Request(cart));

        Assert.Equal("Add 1800 JPY to qualify.", decision.Hint);
    }

    [Theory]
    [InlineData("{'fact':'cart.item_count','op':'gte','value':3}", "Add 2 more items to qualify.")]
    [InlineData("{'fact':'cart.item_count','op':'gt','value':2}", "Add 2 more items to qualify.")]
    [InlineData("{'fact':'cart.sku_quantity','sku':'MUG','op':'gte','value':2}", "Add 1 more item of SKU MUG to qualify.")]
    [InlineData("{'fact':'cart.category_quantity','category':'shoes','op':'gte','value':4}", "Add 3 more items from category shoes to qualify.")]
    public void Evaluate_WhenQuantityBelowThreshold_HintsTheMissingItems(string rule, string hint)
    {
        var live = Live(Promotion(rules: [rule]));

        var decision = EligibilityEvaluator.Evaluate(live, Request(Cart(10m, sku: "MUG", category: "shoes")));

        Assert.Equal(hint, decision.Hint);
    }

    [Fact]
    public void Evaluate_WhenConditionIsNotAThreshold_GivesNoHint()
    {
        var live = Live(Promotion(rules: ["{'fact':'customer.segments','op':'contains','value':'vip'}"]));

        var decision = EligibilityEvaluator.Evaluate(live, Request(Cart(10m)));

        Assert.Equal(OfferReasons.NotEligible, decision.Reason);
        Assert.Null(decision.Hint);
        Assert.Equal("customer.segments", Assert.Single(decision.FailedConditions).Fact);
    }

    [Fact]
    public void Evaluate_WhenWrongChannel_HintsWhereItIsAvailable()
    {
        var live = Live(Promotion(channels: ["web", "mobile_app"]));

        var decision = EligibilityEvaluator.Evaluate(live, Request(channel: "in_store"));

        Assert.Equal(OfferReasons.WrongChannel, decision.Reason);
        Assert.Equal("Available on: web, mobile_app", decision.Hint);
    }
}
