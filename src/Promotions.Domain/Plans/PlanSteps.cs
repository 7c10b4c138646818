using Promotions.Domain.Campaigns;
using Promotions.Domain.Lifecycle;

namespace Promotions.Domain.Plans;

/// <summary>
/// The decision of the plan, pure: when each stage runs, and which step is due for a campaign at an instant. The local
/// scheduler and the Step Functions delivery both only ask it, so both run the same steps in the same order.
/// </summary>
public static class PlanSteps
{
    /// <summary>Who acted, in the events of a change a plan step made.</summary>
    public const string Actor = "plan";

    /// <summary>
    /// The instant of each stage: its own <c>at</c>, or its offset after the stage before it (the first stage's after the
    /// campaign's <c>startsAt</c>). Null for a plan whose times cannot be resolved (validation refuses such a plan).
    /// </summary>
    public static IReadOnlyList<DateTimeOffset>? Times(CampaignPlan plan, DateTimeOffset? campaignStartsAt)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var times = new DateTimeOffset[plan.Stages.Count];
        DateTimeOffset? previous = campaignStartsAt;
        for (var i = 0; i < times.Length; i++)
        {
            var stage = plan.Stages[i];
            if ((stage.At ?? previous + stage.After) is not { } at)
            {
                return null;
            }

            times[i] = at;
            previous = at;
        }

        return times;
    }

    /// <summary>True when the campaign's plan may run: it has one, it is approved (or needs no approval), and the campaign
    /// is scheduled, active or paused (a draft has not been released; an ended or archived one has stopped).</summary>
    public static bool IsRunnable(Campaign campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return campaign.Plan is not null
            && CampaignApproval.Allows(campaign.Approval)
            && campaign.Status is LifecycleStatus.Scheduled or LifecycleStatus.Active or LifecycleStatus.Paused;
    }

    /// <summary>
    /// The next step due at <paramref name="now"/>: the first stage of the current revision that has not run, once its
    /// time has come, skipped when its condition holds on <paramref name="facts"/>. Stages run strictly in order, so a
    /// stage never runs before the one ahead of it has been recorded; a step that fell due while nothing ran is due at
    /// once. Null when nothing is due.
    /// </summary>
    /// <param name="ran">The indexes of the steps of the current revision that have run.</param>
    public static DueStep? Next(Campaign campaign, IReadOnlySet<int> ran, DateTimeOffset now, PlanFacts facts)
    {
        ArgumentNullException.ThrowIfNull(ran);
        ArgumentNullException.ThrowIfNull(facts);
        if (!IsRunnable(campaign) || Times(campaign.Plan!, campaign.StartsAt) is not { } times)
        {
            return null;
        }

        var index = 0;
        while (index < times.Count && ran.Contains(index))
        {
            index++;
        }

        if (index == times.Count || times[index] > now)
        {
            return null;
        }

        var skip = campaign.Plan!.Stages[index].SkipIf is { BudgetSpentAtLeast: { } share } && facts.BudgetSpentShare >= share;
        return new DueStep(index, times[index], skip ? StepOutcome.Skipped : StepOutcome.Applied);
    }
}
