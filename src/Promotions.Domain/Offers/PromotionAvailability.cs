using Promotions.Domain.Campaigns;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Offers;

/// <summary>Whether a promotion and its campaign are running at an instant, and if not, the reason why.</summary>
public static class PromotionAvailability
{
    /// <summary>
    /// Null when both are active, inside their windows (start inclusive, end exclusive), the promotion below
    /// its redemption cap and the campaign's budget not spent; otherwise an <see cref="OfferReasons"/> code:
    /// <c>code_not_yet_active</c> for one that will start later, <c>promotion_exhausted</c>,
    /// <c>budget_exhausted</c>, or <c>promotion_not_active</c>.
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

        if (promotion.EndsAt <= now || campaign.EndsAt <= now)
        {
            return OfferReasons.PromotionNotActive;
        }

        if (promotion.MaxRedemptions is { } max && promotion.CurrentRedemptions >= max)
        {
            return OfferReasons.PromotionExhausted;
        }

        return campaign.Budget is { Remaining: <= 0m } ? OfferReasons.BudgetExhausted : null;
    }

    private static bool WillRun(LifecycleStatus status) => status is LifecycleStatus.Scheduled or LifecycleStatus.Active;
}
