using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.AdminApi.Lifecycle;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Promotions;

/// <summary>
/// Lifecycle moves of a promotion: the shared state machine, plus the guards that involve its campaign —
/// a promotion cannot go live ahead of, or after, the campaign that pays for it.
/// </summary>
internal static class PromotionLifecycle
{
    /// <summary>Error code of a move the campaign's status does not allow.</summary>
    public const string CampaignNotReady = "campaign_not_ready";

    public static async Task<Results<Ok<PromotionResponse>, ProblemHttpResult>> Change(
        string id, LifecycleRequest body, IPromotionStore store, ICampaignStore campaigns, IPromotionSearch search,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var action = LifecycleRules.ParseAction(body);
        if (!action.IsSuccess)
        {
            return Problems.From(action.Errors);
        }

        if (await store.GetAsync(id, ct) is not { } current)
        {
            return Problems.NotFound(PromotionEndpoints.What, id);
        }

        if (AdminResults.Precondition(http.Request, current.Version, out var expected) is { } failed)
        {
            return failed;
        }

        var next = LifecycleMachine.Apply(current.Status, action.Value);
        if (!next.IsSuccess)
        {
            return Problems.From(next.Errors);
        }

        var now = clock.GetUtcNow();
        if (LifecycleRules.CheckWindow(action.Value, current.EndsAt, now, PromotionEndpoints.What) is { } ended)
        {
            return AdminResults.Conflict(ended.Code, ended.Message, ended.Path);
        }

        var campaign = await campaigns.GetAsync(current.CampaignId, ct);
        var campaignStatus = campaign?.Status ?? LifecycleStatus.Archived;
        if (!CampaignAllows(action.Value, campaignStatus))
        {
            return AdminResults.Conflict(CampaignNotReady,
                $"The promotion cannot {QueryValues.Wire(action.Value)} while its campaign '{current.CampaignId}' is {QueryValues.Wire(campaignStatus)}.",
                "$.campaignId");
        }

        return await PromotionEndpoints.Save(store, search, current with { Status = next.Value, UpdatedAt = now }, expected, http.Response, ct);
    }

    // Activation needs a campaign that has been released (scheduled, active or paused: a paused campaign
    // still blocks offers at read time); scheduling only needs one that has not finished.
    private static bool CampaignAllows(LifecycleAction action, LifecycleStatus campaign) => action switch
    {
        LifecycleAction.Activate => campaign is LifecycleStatus.Scheduled or LifecycleStatus.Active or LifecycleStatus.Paused,
        LifecycleAction.Schedule => campaign is not (LifecycleStatus.Ended or LifecycleStatus.Archived),
        _ => true,
    };
}
