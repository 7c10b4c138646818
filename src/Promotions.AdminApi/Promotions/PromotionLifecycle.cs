using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.AdminApi.Lifecycle;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.AdminApi.Promotions;

/// <summary>
/// Lifecycle moves of a promotion: the shared state machine, plus the guards that involve its campaign —
/// a promotion cannot go live ahead of, or after, the campaign that pays for it.
/// </summary>
internal static class PromotionLifecycle
{
    public static Task<Results<Ok<PromotionResponse>, ProblemHttpResult>> Change(
        string id, LifecycleRequest body, IPromotionStore store, ICampaignStore campaigns, IPromotionSearch search,
        TimeProvider clock, HttpContext http, CancellationToken ct) =>
        PromotionEndpoints.Of(store, clock).ChangeAsync(id, http, async current =>
        {
            var now = clock.GetUtcNow();
            var next = LifecycleRules.Next(body, current.Status, current.EndsAt, now, PromotionEndpoints.What);
            if (!next.IsSuccess)
            {
                return Result<Promotion>.Fail(next.Errors);
            }

            var campaign = await campaigns.GetAsync(current.CampaignId, ct);
            var campaignStatus = campaign?.Status ?? LifecycleStatus.Archived;
            return CampaignAllows(next.Value, campaignStatus)
                ? current with { Status = next.Value, UpdatedAt = now }
                : new DomainError(LifecycleRules.CampaignNotReady,
                    $"The promotion cannot become {QueryValues.Wire(next.Value)} while its campaign '{current.CampaignId}' is {QueryValues.Wire(campaignStatus)}.",
                    "$.campaignId");
        }, PromotionResponse.From, ct, search.IndexAsync);

    // Going live needs a campaign that has been released (scheduled, active or paused: a paused campaign
    // still blocks offers at read time); being scheduled only needs one that has not finished.
    private static bool CampaignAllows(LifecycleStatus next, LifecycleStatus campaign) => next switch
    {
        LifecycleStatus.Active => campaign is LifecycleStatus.Scheduled or LifecycleStatus.Active or LifecycleStatus.Paused,
        LifecycleStatus.Scheduled => campaign is not (LifecycleStatus.Ended or LifecycleStatus.Archived),
        _ => true,
    };
}
