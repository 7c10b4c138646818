using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Lifecycle;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.AdminApi.Promotions;

/// <summary>
/// Lifecycle moves of a promotion: the domain's guards (<see cref="LifecycleGuards.Promotion"/>), which involve its
/// campaign — a promotion cannot go live ahead of, or after, the campaign that pays for it.
/// </summary>
internal static class PromotionLifecycle
{
    public static Task<Results<Ok<PromotionResponse>, ProblemHttpResult>> Change(
        string id, LifecycleRequest body, IPromotionStore store, ICampaignStore campaigns, IPromotionSearch search,
        TimeProvider clock, HttpContext http, CancellationToken ct) =>
        PromotionEndpoints.Of(store, clock).ChangeAsync(id, http, async current =>
        {
            var action = LifecycleRules.ParseAction(body);
            if (!action.IsSuccess)
            {
                return Result<Promotion>.Fail(action.Errors);
            }

            var now = clock.GetUtcNow();
            var campaign = await campaigns.GetAsync(current.CampaignId, ct);
            var next = LifecycleGuards.Promotion(current, campaign, action.Value, now);
            // A marketer's move takes the promotion out of pacing's hands: pacing resumes only what it paused itself.
            return next.IsSuccess ? current with { Status = next.Value, UpdatedAt = now, Paced = false } : Result<Promotion>.Fail(next.Errors);
        }, PromotionResponse.From, ct, search.IndexAsync);
}
