using System.Xml;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Plans;

namespace Promotions.AdminApi.Plans;

/// <summary>A campaign's plan and its progress: each stage with its time and whether (and when, and how) it ran.</summary>
internal sealed record PlanResponse(
    string CampaignId,
    long Revision,
    bool Running,
    CampaignApproval? Approval,
    IReadOnlyList<StageResponse> Stages)
{
    public static PlanResponse From(
        Campaign campaign, CampaignPlan plan, IReadOnlyList<StepRecord> ran, IReadOnlyList<DistributionProgress> distributions)
    {
        var times = PlanSteps.Times(plan, campaign.StartsAt);
        var byIndex = ran.ToDictionary(r => r.Index);
        var stages = plan.Stages.Select((stage, i) =>
        {
            var record = byIndex.GetValueOrDefault(i);
            return new StageResponse(
                i, stage.Name, stage.At, stage.After is { } after ? XmlConvert.ToString(after) : null, times?[i],
                [.. stage.Changes.Select(c => new ChangeResponse(c.Kind, c.PromotionId, c.Effect, c.SegmentId, c.BatchSize))],
                stage.SkipIf is { } skip ? new SkipResponse(skip.BudgetSpentAtLeast) : null,
                record?.Outcome switch { StepOutcome.Applied => "applied", StepOutcome.Skipped => "skipped", _ => "pending" },
                record?.RanAt,
                record?.Changes,
                CodeDistributor.Distributes(stage)
                    ? [.. distributions.Where(d => d.StageIndex == i).Select(DistributionResponse.From)]
                    : null);
        });
        return new PlanResponse(campaign.Id, plan.Revision, PlanSteps.IsRunnable(campaign), campaign.Approval, [.. stages]);
    }
}
