using Promotions.Domain.Lifecycle;
using Promotions.Domain.Offers;
using static Promotions.Domain.Tests.Offers.OfferFixtures;

namespace Promotions.Domain.Tests.Offers;

public sealed class EligibilityTests
{
    private const string Subtotal50 = "{'fact':'cart.subtotal','op':'gte','value':50}";
    private const string Vip = "{'fact':'customer.segments','op':'contains','value':'vip'}";

    [Fact]
    public void Evaluate_WhenCartConditionAndNoCart_NeedsCart()
    {
        var live = Live(Promotion(rules: [Subtotal50]));

        var decision = EligibilityEvaluator.Evaluate(live, Request(), explain: true);

        Assert.Equal(EligibilityOutcome.NeedsCart, decision.Outcome);
        Assert.Equal(OfferReasons.NeedsCart, decision.Reason);
        Assert.Empty(decision.FailedConditions);
        Assert.Equal("missing", Assert.Single(decision.Explanations!).Actual);
    }

    [Fact]
    public void Evaluate_WhenNoCartAndANonCartConditionFails_IsNotEligibleForThatCondition()
    {
        var live = Live(Promotion(rules: [$"{{'all':[{Subtotal50},{Vip}]}}"]));

        var decision = EligibilityEvaluator.Evaluate(live, Request());

        Assert.Equal(EligibilityOutcome.NotEligible, decision.Outcome);
        var failed = Assert.Single(decision.FailedConditions);
        Assert.Equal(("customer.segments", "contains", "\"vip\"", "[]"), (failed.Fact, failed.Operator, failed.Expected, failed.Actual));
    }

    [Fact]
    public void Evaluate_WhenNoCartAndAnotherBranchOfAnyHolds_IsEligible()
    {
        var live = Live(Promotion(rules: [$"{{'any':[{Subtotal50},{{'fact':'channel','op':'eq','value':'web'}}]}}"]));

        var decision = EligibilityEvaluator.Evaluate(live, Request());

        Assert.True(decision.IsEligible);
    }

    [Fact]
    public void Evaluate_WhenNotConditionHolds_ReportsItAsNegatedFailure()
    {
        var live = Live(Promotion(rules: ["{'not':{'fact':'channel','op':'eq','value':'web'}}"]));

        var decision = EligibilityEvaluator.Evaluate(live, Request(Cart(10m)));

        var failed = Assert.Single(decision.FailedConditions);
        Assert.Equal(("channel", "not eq", "$.rules[0].condition.not"), (failed.Fact, failed.Operator, failed.Path));
    }

    [Fact]
    public void Evaluate_WhenEveryRuleHoldsAndExplainAsked_ReturnsEachRuleExplained()
    {
        var live = Live(Promotion(rules: [Subtotal50, "{'fact':'channel','op':'eq','value':'web'}"]));

        var decision = EligibilityEvaluator.Evaluate(live, Request(Cart(60m)), explain: true);

        Assert.True(decision.IsEligible);
        Assert.Equal(["60", "\"web\""], decision.Explanations!.Select(e => e.Actual));
        Assert.Equal(["$.rules[0].condition", "$.rules[1].condition"], decision.Explanations!.Select(e => e.Path));
    }

    [Fact]
    public void Evaluate_WhenPromotionWindowEndedSinceTheSnapshot_IsNotActive()
    {
        var promotion = Promotion() with { EndsAt = Now };

        var decision = EligibilityEvaluator.Evaluate(Live(promotion), Request());

        Assert.Equal(OfferReasons.PromotionNotActive, decision.Reason);
    }

    [Theory]
    [InlineData(LifecycleStatus.Paused, OfferReasons.PromotionNotActive)]
    [InlineData(LifecycleStatus.Active, null)]
    public void Check_WhenCampaignState_GivesReason(LifecycleStatus status, string? reason)
    {
        Assert.Equal(reason, PromotionAvailability.Check(Promotion(), Campaign(status, new Campaigns.Budget(100m, "EUR")), Now));
    }

    [Fact]
    public void Check_WhenScheduledToStartLater_IsNotYetActive()
    {
        var promotion = Promotion(status: LifecycleStatus.Scheduled) with { StartsAt = Now.AddDays(1) };

        Assert.Equal(OfferReasons.CodeNotYetActive, PromotionAvailability.Check(promotion, Campaign(), Now));
    }

    [Theory]
    [InlineData(2, 0, 0, null)]
    [InlineData(3, 0, 0, OfferReasons.PromotionExhausted)]
    [InlineData(0, 2, 0, OfferReasons.CustomerLimitReached)]
    [InlineData(0, 0, 100, OfferReasons.BudgetExhausted)]
    [InlineData(3, 2, 100, OfferReasons.PromotionExhausted)]
    public void Evaluate_WithLedgerUsage_RefusesInTheLedgersOrder(long promotionUses, long customerUses, int spent, string? reason)
    {
        var promotion = Promotion() with { MaxRedemptions = 3, PerCustomerLimit = 2 };
        var live = Live(promotion, Campaign(budget: new Campaigns.Budget(100m, "EUR")));
        var usage = Usage(promotionUses, customerUses, spent);

        var decision = EligibilityEvaluator.Evaluate(live, Request(customer: Known, usage: usage));

        Assert.Equal(reason, decision.Reason);
        Assert.Equal(reason is null, decision.IsEligible);
    }

    [Fact]
    public void Evaluate_WhenAGuestAsks_TheCustomerLimitIsNotJudged()
    {
        var live = Live(Promotion() with { PerCustomerLimit = 1 });

        var decision = EligibilityEvaluator.Evaluate(live, Request(usage: Usage(0, 5, 0)));

        Assert.True(decision.IsEligible);
    }

    [Fact]
    public void Evaluate_WithoutUsage_LeavesEveryLimitToTheLedger()
    {
        var live = Live(Promotion() with { MaxRedemptions = 0 }, Campaign(budget: new Campaigns.Budget(0m, "EUR")));

        Assert.True(EligibilityEvaluator.Evaluate(live, Request()).IsEligible);
    }

    [Theory]
    [InlineData(90, 10, true)]
    [InlineData(90.01, 10, false)]
    [InlineData(0, 100, true)]
    public void Covers_IsTrueOnlyWhenTheWholeDiscountFitsWhatRemains(decimal spent, decimal discount, bool covered)
    {
        var live = Live(Promotion(), Campaign(budget: new Campaigns.Budget(100m, "EUR")));

        Assert.Equal(covered, UsageLimits.Covers(live, Usage(0, 0, spent), discount));
        Assert.True(UsageLimits.Covers(Live(Promotion()), Usage(0, 0, spent), discount));
    }

    [Fact]
    public void Compile_WhenStoredRuleNoLongerParses_ReturnsErrorsWithRulePath()
    {
        var promotion = Promotion(rules: ["{'fact':'cart.subtotal','op':'contains','value':1}"]);

        var compiled = PromotionCompiler.Compile(promotion);

        Assert.False(compiled.IsSuccess);
        Assert.StartsWith("$.rules[0].condition", compiled.Errors[0].Path, StringComparison.Ordinal);
    }
}
