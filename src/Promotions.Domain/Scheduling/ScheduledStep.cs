using Promotions.Domain.Campaigns;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Scheduling;

/// <summary>
/// Which lifecycle step an item's own dates make due at an instant: the decision of the schedule, pure, so a late or
/// repeated tick decides the same as a punctual one. Applying the step goes through <see cref="LifecycleGuards"/>
/// like a marketer's lifecycle call.
/// </summary>
public static class ScheduledStep
{
    /// <summary>Who acted, in the events of a move the schedule made.</summary>
    public const string Actor = "schedule";

    /// <summary>
    /// <see cref="LifecycleAction.End"/> once <c>endsAt</c> has passed (end exclusive) for a scheduled, active or paused
    /// campaign; <see cref="LifecycleAction.Activate"/> once <c>startsAt</c> has come for a scheduled one; otherwise null.
    /// An item whose whole window passed while nothing ran ends without going live.
    /// </summary>
    public static LifecycleAction? Due(Campaign campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return Due(campaign.Status, campaign.StartsAt, campaign.EndsAt, now);
    }

    /// <summary>
    /// As for a campaign, on the promotion's own dates. A scheduled promotion without a start date of its own goes live
    /// with its campaign (once the campaign is active). Activation is due only when the campaign allows it
    /// (<see cref="LifecycleGuards.Promotion"/>): a promotion scheduled ahead of a draft campaign waits for it.
    /// </summary>
    public static LifecycleAction? Due(Promotion promotion, Campaign? campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        var start = promotion.StartsAt ?? (campaign?.Status == LifecycleStatus.Active ? campaign.StartsAt ?? now : null);
        var due = Due(promotion.Status, start, promotion.EndsAt, now);
        return due == LifecycleAction.Activate && !LifecycleGuards.Promotion(promotion, campaign, LifecycleAction.Activate, now).IsSuccess
            ? null
            : due;
    }

    private static LifecycleAction? Due(LifecycleStatus status, DateTimeOffset? startsAt, DateTimeOffset? endsAt, DateTimeOffset now)
    {
        if (endsAt <= now && status is LifecycleStatus.Scheduled or LifecycleStatus.Active or LifecycleStatus.Paused)
        {
            return LifecycleAction.End;
        }

        return status == LifecycleStatus.Scheduled && startsAt <= now ? LifecycleAction.Activate : null;
    }
}
