using Promotions.Domain.Campaigns;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Plans;

/// <summary>
/// Runs the steps of campaign plans: the one piece of code behind the local scheduler's tick and the Step Functions
/// delivery of "run step (campaign, revision, index)". It reads the campaign, asks <see cref="PlanSteps.Next"/> which
/// step is due, plans its changes with <see cref="StagePlanner"/> and writes them with the step's record in one
/// transaction: a step delivered twice, or by two processes at once, runs once (the second finds the record, or loses
/// on the versions and reads again). Steps run strictly in order; a delivery of a later step first runs the due ones
/// ahead of it.
/// </summary>
public sealed class PlanRunner(
    ICampaignStore campaigns,
    IPromotionStore promotions,
    ICampaignPlanStore plans,
    IPromotionSearch search,
    IRedemptionLedger ledger,
    TimeProvider clock,
    CodeDistributor? distributor = null)
{
    // Conflicts come from a concurrent write of the same campaign or promotion; each retry reads afresh.
    private const int MaxConflicts = 5;

    /// <summary>Runs every step due now, of every campaign whose plan may run; answers the steps this call wrote.</summary>
    public async Task<IReadOnlyList<StepRecord>> RunDueAsync(CancellationToken ct)
    {
        var ran = new List<StepRecord>();
        foreach (var campaign in await plans.ListWithPlansAsync(ct))
        {
            if (PlanSteps.IsRunnable(campaign))
            {
                ran.AddRange(await RunAsync(campaign.Id, campaign.Plan!.Revision, int.MaxValue, ct));
                if (distributor is not null && campaign.Plan.Stages.Any(CodeDistributor.Distributes))
                {
                    await distributor.ResumeAsync(campaign.Id, ct);
                }
            }
        }

        return ran;
    }

    /// <summary>Runs the delivered step (and the due ones ahead of it), and says whether the delivery is done.</summary>
    public async Task<StepDelivery> DeliverAsync(string campaignId, long revision, int index, CancellationToken ct)
    {
        await RunAsync(campaignId, revision, index, ct);
        if (await campaigns.GetAsync(campaignId, ct) is not { Plan: { } plan } campaign
            || plan.Revision != revision || index < 0 || index >= plan.Stages.Count)
        {
            return StepDelivery.Superseded;
        }

        if ((await plans.ListStepsAsync(campaignId, revision, ct)).Any(r => r.Index == index))
        {
            return StepDelivery.Ran;
        }

        return PlanSteps.IsRunnable(campaign) ? StepDelivery.NotDue : StepDelivery.Superseded;
    }

    private async Task<List<StepRecord>> RunAsync(string campaignId, long revision, int through, CancellationToken ct)
    {
        var written = new List<StepRecord>();
        var conflicts = 0;
        while (conflicts < MaxConflicts)
        {
            if (await campaigns.GetAsync(campaignId, ct) is not { Plan: { } plan } campaign || plan.Revision != revision)
            {
                break;
            }

            var ran = (await plans.ListStepsAsync(campaignId, revision, ct)).Select(r => r.Index).ToHashSet();
            if (await NextAsync(campaign, ran, ct) is not { } step || step.Index > through)
            {
                break;
            }

            var write = EnterStage(StagePlanner.Plan(campaign, step, await PromotionsAsync(plan.Stages[step.Index], ct), clock), campaign, step);
            switch (await plans.WriteStepAsync(write, ct))
            {
                case StageWriteStatus.Written:
                    foreach (var promotion in write.Promotions)
                    {
                        await search.IndexAsync(promotion.Promotion with { Version = promotion.ExpectedVersion + 1 }, ct);
                    }

                    written.Add(write.Record);
                    break;
                case StageWriteStatus.Conflict:
                    conflicts++;
                    break;
                case StageWriteStatus.AlreadyRan:
                default:
                    break;
            }
        }

        return written;
    }

    // An applied stage becomes the campaign's current stage in the step's own write (under the same version check), so
    // checkout records it on every redemption from then on; a skipped stage leaves the stage before it current.
    private static StageWrite EnterStage(StageWrite write, Campaign campaign, DueStep step) =>
        step.Outcome != StepOutcome.Applied ? write : write with
        {
            Campaign = (write.Campaign ?? campaign with { UpdatedAt = write.Record.RanAt }) with
            {
                Stage = new CampaignStage(step.Index, campaign.Plan!.Stages[step.Index].Name),
            },
        };

    // The budget is read only for a stage whose skip condition needs it.
    private async Task<DueStep?> NextAsync(Campaign campaign, IReadOnlySet<int> ran, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var step = PlanSteps.Next(campaign, ran, now, PlanFacts.None);
        if (step is null || campaign.Plan!.Stages[step.Index].SkipIf is null || campaign.Budget is not { Amount: > 0m } budget)
        {
            return step;
        }

        var spent = (await ledger.GetUsageBatchAsync(new UsageQuery([], [campaign.Id]), ct)).Budget(campaign.Id);
        return PlanSteps.Next(campaign, ran, now, new PlanFacts(spent / budget.Amount));
    }

    private async Task<Dictionary<string, Promotion>> PromotionsAsync(PlanStage stage, CancellationToken ct)
    {
        var found = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        foreach (var id in stage.Changes.Select(c => c.PromotionId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await promotions.GetAsync(id, ct) is { } promotion)
            {
                found[id] = promotion;
            }
        }

        return found;
    }
}
