using Promotions.Domain.Campaigns;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Plans;

/// <summary>
/// What a due step changes, pure: each change of the stage in order, through the same <see cref="LifecycleGuards"/> as
/// the Admin API's lifecycle calls, on the items as the earlier changes of the stage left them (a stage that activates
/// its campaign and then a promotion of it works). A change the guards refuse, or one already so, is reported and
/// changes nothing; the step still runs, so one impossible change never holds back the rest of the plan.
/// </summary>
public static class StagePlanner
{
    public static StageWrite Plan(
        Campaign campaign, DueStep step, IReadOnlyDictionary<string, Promotion> promotions, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(step);
        ArgumentNullException.ThrowIfNull(promotions);
        ArgumentNullException.ThrowIfNull(clock);
        var plan = campaign.Plan ?? throw new ArgumentException("The campaign has no plan.", nameof(campaign));
        var stage = plan.Stages[step.Index];
        var now = clock.GetUtcNow();
        var current = campaign;
        var changed = new Dictionary<string, Promotion>(StringComparer.Ordinal);
        var reports = new List<ChangeReport>();
        if (step.Outcome == StepOutcome.Applied)
        {
            foreach (var change in stage.Changes)
            {
                if (change.Kind == StageChangeKind.DistributeCodes)
                {
                    // The codes are given batch by batch after the step is written (CodeDistributor), each batch its own write.
                    reports.Add(new ChangeReport(change.Kind, change.PromotionId!, CodeDistribution.Started));
                }
                else if (change.PromotionId is null)
                {
                    reports.Add(ChangeCampaign(ref current, change.Kind, now));
                }
                else if ((changed.GetValueOrDefault(change.PromotionId) ?? promotions.GetValueOrDefault(change.PromotionId)) is { } promotion
                    && promotion.CampaignId == campaign.Id)
                {
                    var (next, report) = ChangePromotion(promotion, current, change, now);
                    reports.Add(report);
                    if (!ReferenceEquals(next, promotion))
                    {
                        changed[promotion.Id] = next;
                    }
                }
                else
                {
                    reports.Add(new ChangeReport(change.Kind, change.PromotionId, "not_found"));
                }
            }
        }

        var record = new StepRecord(campaign.Id, plan.Revision, step.Index, step.Outcome, now, reports);
        var writes = changed.Values.Select(next =>
        {
            var before = promotions[next.Id];
            var stored = next with { Version = before.Version + 1 };
            return new PromotionWrite(next, before.Version, CatalogEvents.PromotionWritten(before, stored, clock, PlanSteps.Actor));
        }).ToArray();
        var applied = new CampaignStageApplied(
            Common.Ids.New(DomainEvent.IdPrefix, clock), now, campaign.Id, plan.Revision, step.Index, stage.Name, step.Outcome, reports);
        return new StageWrite(
            record, campaign.Id, campaign.Version, ReferenceEquals(current, campaign) ? null : current, writes, [applied]);
    }

    private static ChangeReport ChangeCampaign(ref Campaign campaign, StageChangeKind kind, DateTimeOffset now)
    {
        if (Action(kind) is not { } action)
        {
            return new ChangeReport(kind, campaign.Id, "not_allowed", Wire(campaign.Status));
        }

        if (Reached(campaign.Status, action))
        {
            return new ChangeReport(kind, campaign.Id, "unchanged", Wire(campaign.Status));
        }

        var next = LifecycleGuards.Campaign(campaign, action, now);
        if (!next.IsSuccess)
        {
            return new ChangeReport(kind, campaign.Id, next.Errors[0].Code, Wire(campaign.Status));
        }

        campaign = campaign with { Status = next.Value, UpdatedAt = now };
        return new ChangeReport(kind, campaign.Id, "changed", Wire(next.Value));
    }

    private static (Promotion Next, ChangeReport Report) ChangePromotion(Promotion promotion, Campaign campaign, StageChange change, DateTimeOffset now)
    {
        if (change.Kind == StageChangeKind.SetEffect)
        {
            var effect = change.Effect!.Value;
            return promotion.Effect.GetRawText() == effect.GetRawText()
                ? (promotion, new ChangeReport(change.Kind, promotion.Id, "unchanged", Wire(promotion.Status)))
                : (promotion with { Effect = effect.Clone(), UpdatedAt = now }, new ChangeReport(change.Kind, promotion.Id, "changed", Wire(promotion.Status)));
        }

        var action = Action(change.Kind)!.Value;
        if (Reached(promotion.Status, action))
        {
            return (promotion, new ChangeReport(change.Kind, promotion.Id, "unchanged", Wire(promotion.Status)));
        }

        var next = LifecycleGuards.Promotion(promotion, campaign, action, now);
        return next.IsSuccess
            ? (promotion with { Status = next.Value, UpdatedAt = now }, new ChangeReport(change.Kind, promotion.Id, "changed", Wire(next.Value)))
            : (promotion, new ChangeReport(change.Kind, promotion.Id, next.Errors[0].Code, Wire(promotion.Status)));
    }

    private static LifecycleAction? Action(StageChangeKind kind) => kind switch
    {
        StageChangeKind.Activate => LifecycleAction.Activate,
        StageChangeKind.Pause => LifecycleAction.Pause,
        StageChangeKind.End => LifecycleAction.End,
        _ => null,
    };

    // A change whose target status the item already has is no change at all (a stage repeated by a new revision).
    private static bool Reached(LifecycleStatus status, LifecycleAction action) => (status, action) switch
    {
        (LifecycleStatus.Active, LifecycleAction.Activate) => true,
        (LifecycleStatus.Paused, LifecycleAction.Pause) => true,
        (LifecycleStatus.Ended or LifecycleStatus.Archived, LifecycleAction.End) => true,
        _ => false,
    };

    private static string Wire(LifecycleStatus status) => status.ToString().ToLowerInvariant();
}
