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
    [InlineData(LifecycleStatus.Paused, null, OfferReasons.PromotionNotActive)]
    [InlineData(LifecycleStatus.Active, 0, OfferReasons.BudgetExhausted)]
    [InlineData(LifecycleStatus.Active, 100, null)]
    public void Check_WhenCampaignState_GivesReason(LifecycleStatus status, int? remaining, string? reason)
    {
        var budget = remaining is { } r ? new Campaigns.Budget(100m, "EUR", 100m - r) : null;

        Assert.Equal(reason, PromotionAvailability.Check(Promotion(), Campaign(status, budget), Now));
    }

    [Fact]
    public void Check_WhenScheduledToStartLater_IsNotYetActive()
    {
        var promotion = Promotion(status: LifecycleStatus.Scheduled) with { StartsAt = Now.AddDays(1) };

        Assert.Equal(OfferReasons.CodeNotYetActive, PromotionAvailability.Check(promotion, Campaign(), Now));
    }

    [Fact]
    public void Check_WhenRedemptionCapReached_IsExhausted()
    {
        var promotion = Promotion() with { MaxRedemptions = 3, CurrentRedemptions = 3 };

        Assert.Equal(OfferReasons.PromotionExhausted, PromotionAvailability.Check(promotion, Campaign(), Now));
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
