using Promotions.Domain.Plans;

namespace Promotions.Domain.Tests.Plans;

public sealed class PlanValidationTests
{
    [Fact]
    public void Validate_WhenThePlanIsWellFormed_ReturnsNoErrors()
    {
        Assert.Empty(PlanValidation.Validate(PlanSamples.ThreeStages(), PlanSamples.Start));
    }

    [Fact]
    public void Validate_WhenEveryPartIsWrong_ReturnsAnErrorPerPath()
    {
        var plan = new CampaignPlan(
        [
            new PlanStage("", null, TimeSpan.FromHours(1), [new StageChange(StageChangeKind.Activate, Effect: PlanSamples.Percent(5))]),
            new PlanStage("both", PlanSamples.Start, TimeSpan.FromHours(1), [new StageChange(StageChangeKind.SetEffect)]),
            new PlanStage("early", PlanSamples.Start.AddDays(-1), null, []),
            new PlanStage("bad effect", PlanSamples.Start.AddDays(1), null,
                [new StageChange(StageChangeKind.SetEffect, "prm_main", PlanSamples.Percent(150))], new SkipCondition(1.5m)),
            new PlanStage("too late", PlanSamples.Start.AddDays(400), null, [new StageChange(StageChangeKind.End)]),
        ], 1);

        var errors = PlanValidation.Validate(plan, campaignStartsAt: null);

        var paths = errors.Select(e => (e.Code, e.Path)).ToArray();
        Assert.Contains(("required", "$.stages[0].name"), paths);
        Assert.Contains(("start_required", "$.stages[0].after"), paths);
        Assert.Contains(("not_allowed", "$.stages[0].changes[0].effect"), paths);
        Assert.Contains(("at_or_after", "$.stages[1].at"), paths);
        Assert.Contains(("required", "$.stages[1].changes[0].promotionId"), paths);
        Assert.Contains(("required", "$.stages[1].changes[0].effect"), paths);
        Assert.Contains(("out_of_range", "$.stages[2].changes"), paths);
        Assert.Contains(errors, e => e.Path == "$.stages[3].changes[0].effect.percent");
        Assert.Contains(("out_of_range", "$.stages[3].skipIf.budgetSpentAtLeast"), paths);
        Assert.Contains(("plan_too_long", "$.stages[4].at"), paths);
    }

    [Fact]
    public void Validate_WhenAStageRunsBeforeTheOneAhead_ReturnsOutOfOrder()
    {
        var plan = new CampaignPlan(
        [
            new PlanStage("one", PlanSamples.Start.AddDays(2), null, [new StageChange(StageChangeKind.Activate)]),
            new PlanStage("two", PlanSamples.Start.AddDays(1), null, [new StageChange(StageChangeKind.End)]),
        ], 1);

        var error = Assert.Single(PlanValidation.Validate(plan, PlanSamples.Start));

        Assert.Equal(("out_of_order", "$.stages[1].at"), (error.Code, error.Path));
    }

    [Fact]
    public void Validate_WhenThereAreNoStages_ReturnsOutOfRange()
    {
        var error = Assert.Single(PlanValidation.Validate(new CampaignPlan([], 1), PlanSamples.Start));

        Assert.Equal("$.stages", error.Path);
    }
}
