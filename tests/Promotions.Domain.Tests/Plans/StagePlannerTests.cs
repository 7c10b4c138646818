using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Tests.Plans;

public sealed class StagePlannerTests
{
    private readonly FakeTimeProvider _clock = new(PlanSamples.Start);

    [Fact]
    public void Plan_Teaser_ActivatesTheCampaignThenItsPromotion()
    {
        var campaign = PlanSamples.Campaign();
        var promotions = Promotions(PlanSamples.Promotion("prm_teaser", LifecycleStatus.Scheduled));

        var write = StagePlanner.Plan(campaign, new DueStep(0, PlanSamples.Start, StepOutcome.Applied), promotions, _clock);

        Assert.Equal(LifecycleStatus.Active, write.Campaign!.Status);
        Assert.Equal(3, write.CampaignVersion);
        var promotion = Assert.Single(write.Promotions);
        Assert.Equal((LifecycleStatus.Active, 2L), (promotion.Promotion.Status, promotion.ExpectedVersion));
        Assert.Contains(promotion.Events, e => e is PromotionPublished { Actor: PlanSteps.Actor });
        Assert.Equal(["changed", "changed"], write.Record.Changes.Select(c => c.Result));
        var applied = Assert.IsType<CampaignStageApplied>(Assert.Single(write.Events));
        Assert.Equal(("teaser", 0, 1L), (applied.StageName, applied.StageIndex, applied.PlanRevision));
    }

    [Fact]
    public void Plan_Launch_ChangesTheEffectAndActivatesInOneWrite()
    {
        var campaign = PlanSamples.Campaign(LifecycleStatus.Active);
        var promotions = Promotions(
            PlanSamples.Promotion("prm_teaser", LifecycleStatus.Active), PlanSamples.Promotion("prm_main", LifecycleStatus.Scheduled));

        var write = StagePlanner.Plan(campaign, new DueStep(1, PlanSamples.Start.AddDays(2), StepOutcome.Applied), promotions, _clock);

        Assert.Null(write.Campaign);
        var main = write.Promotions.Single(p => p.Promotion.Id == "prm_main").Promotion;
        Assert.Equal(LifecycleStatus.Active, main.Status);
        Assert.Equal(20, main.Effect.GetProperty("percent").GetInt32());
        Assert.Equal(LifecycleStatus.Ended, write.Promotions.Single(p => p.Promotion.Id == "prm_teaser").Promotion.Status);
    }

    [Fact]
    public void Plan_WhenAChangeIsRefusedOrAlreadyMade_ReportsItAndWritesNothingForIt()
    {
        var campaign = PlanSamples.Campaign(LifecycleStatus.Active);
        var promotions = Promotions(PlanSamples.Promotion("prm_teaser", LifecycleStatus.Ended), PlanSamples.Promotion("prm_main", LifecycleStatus.Active, 20));

        var write = StagePlanner.Plan(campaign, new DueStep(1, PlanSamples.Start.AddDays(2), StepOutcome.Applied), promotions, _clock);

        Assert.Empty(write.Promotions);
        Assert.Equal(["unchanged", "unchanged", "unchanged"], write.Record.Changes.Select(c => c.Result));
    }

    [Fact]
    public void Plan_WhenTheStageIsSkipped_RecordsItWithoutChanges()
    {
        var write = StagePlanner.Plan(
            PlanSamples.Campaign(LifecycleStatus.Active), new DueStep(2, PlanSamples.Start.AddDays(9), StepOutcome.Skipped),
            Promotions(PlanSamples.Promotion("prm_main", LifecycleStatus.Active, 20)), _clock);

        Assert.Equal(StepOutcome.Skipped, write.Record.Outcome);
        Assert.Empty(write.Promotions);
        Assert.Empty(write.Record.Changes);
    }

    private static Dictionary<string, Promotion> Promotions(params Promotion[] promotions) =>
        promotions.ToDictionary(p => p.Id, StringComparer.Ordinal);
}
