using Promotions.Domain.Campaigns;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Offers;

/// <summary>Whether a promotion and its campaign are running at an instant, and if not, the reason why.</summary>
public static class PromotionAvailability
{
    /// <summary>
    /// Null when both are active and inside their windows (start inclusive, end exclusive); otherwise an
    /// <see cref="OfferReasons"/> code: <c>code_not_yet_active</c> for one that will start later, or
    /// <c>promotion_not_active</c>. Usage (caps, per-customer limits, budgets) is the ledger's: see
    /// <see cref="UsageLimits"/>.
    /// </summary>
    public static string? Check(Promotion promotion, Campaign? campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        if (campaign is null)
        {
            return OfferReasons.PromotionNotActive;
        }

        var notStarted = promotion.StartsAt > now || campaign.StartsAt > now;
        if (!LifecycleMachine.IsLive(promotion.Status) || !LifecycleMachine.IsLive(campaign.Status))
        {
            return notStarted && WillRun(promotion.Status) && WillRun(campaign.Status)
                ? OfferReasons.CodeNotYetActive
                : OfferReasons.PromotionNotActive;
        }

        if (notStarted)
        {
            return OfferReasons.CodeNotYetActive;
        }

        return promotion.EndsAt <= now || campaign.EndsAt <= now ? OfferReasons.PromotionNotActive : null;
    }

    private static bool WillRun(LifecycleStatus status) => status is LifecycleStatus.Scheduled or LifecycleStatus.Active;
}
