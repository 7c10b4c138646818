using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Lifecycle;

/// <summary>
/// A lifecycle move of a campaign or a promotion: the shared <see cref="LifecycleMachine"/>, then the guards on top of
/// it. The Admin API's lifecycle calls and the schedule both move items through here, so a move the API refuses is
/// never made by the schedule either.
/// </summary>
public static class LifecycleGuards
{
    /// <summary>Error code of an activation or scheduling after the item's own end date.</summary>
    public const string WindowEnded = "window_ended";

    /// <summary>Error code of scheduling a campaign that has no start date.</summary>
    public const string StartRequired = "start_required";

    /// <summary>Error code of a promotion move its campaign's status does not allow.</summary>
    public const string CampaignNotReady = "campaign_not_ready";

    /// <summary>The campaign's status after <paramref name="action"/> at <paramref name="now"/>, or why it is refused.</summary>
    public static Result<LifecycleStatus> Campaign(Campaign campaign, LifecycleAction action, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var next = Next(campaign.Status, action, campaign.EndsAt, now, "campaign");
        if (next.IsSuccess && next.Value == LifecycleStatus.Scheduled && campaign.StartsAt is null)
        {
            return new DomainError(StartRequired,
                "A campaign needs a start date to be scheduled; set startsAt or activate it now.", "$.startsAt");
        }

        return next;
    }

    /// <summary>
    /// The promotion's status after <paramref name="action"/> at <paramref name="now"/>, or why it is refused; its campaign
    /// (null when it no longer exists) must allow the new status.
    /// </summary>
    public static Result<LifecycleStatus> Promotion(Promotion promotion, Campaign? campaign, LifecycleAction action, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var next = Next(promotion.Status, action, promotion.EndsAt, now, "promotion");
        if (!next.IsSuccess)
        {
            return next;
        }

        var campaignStatus = campaign?.Status ?? LifecycleStatus.Archived;
        return CampaignAllows(next.Value, campaignStatus)
            ? next
            : new DomainError(CampaignNotReady,
                $"The promotion cannot become {Wire(next.Value)} while its campaign '{promotion.CampaignId}' is {Wire(campaignStatus)}.",
                "$.campaignId");
    }

    // Going live needs a campaign that has been released (scheduled, active or paused: a paused campaign
    // still blocks offers at read time); being scheduled only needs one that has not finished.
    private static bool CampaignAllows(LifecycleStatus next, LifecycleStatus campaign) => next switch
    {
        LifecycleStatus.Active => campaign is LifecycleStatus.Scheduled or LifecycleStatus.Active or LifecycleStatus.Paused,
        LifecycleStatus.Scheduled => campaign is not (LifecycleStatus.Ended or LifecycleStatus.Archived),
        _ => true,
    };

    // Scheduling or activating after the end date would make an item live that can never be offered.
    private static Result<LifecycleStatus> Next(LifecycleStatus current, LifecycleAction action, DateTimeOffset? endsAt, DateTimeOffset now, string what)
    {
        var next = LifecycleMachine.Apply(current, action);
        return next.IsSuccess && action is LifecycleAction.Schedule or LifecycleAction.Activate && endsAt <= now
            ? new DomainError(WindowEnded, $"The {what} ended at {endsAt:O}; change its end date before you {Wire(action)} it.", "$.endsAt")
            : next;
    }

    private static string Wire<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
