using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Campaigns;
using Promotions.AdminApi.Common;
using Promotions.AdminApi.Lifecycle;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Plans;

/// <summary>A campaign's plan (<c>/admin/campaigns/{id}/plan</c>) and its approval (<c>submit</c>, <c>approve</c>, <c>reject</c>).</summary>
internal static class PlanEndpoints
{
    private const string What = "campaign";

    public static void MapCampaignPlans(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/campaigns").WithTags("Campaign plans");
        group.MapGet("/{id}/plan", Get).Describe(Policies.CatalogRead, "GetCampaignPlan", "The campaign's plan and its progress: each stage's time, status, and what its changes did.", 404);
        group.MapPut("/{id}/plan", Put).Describe(Policies.CatalogWrite, "PutCampaignPlan", "Write the campaign's plan (a new revision; If-Match).", 400, 404, 409).RequireIfMatch();
        group.MapDelete("/{id}/plan", Delete).Describe(Policies.CatalogWrite, "DeleteCampaignPlan", "Take the plan off the campaign (If-Match).", 404, 409).RequireIfMatch();
        group.MapPost("/{id}/submit", Submit).Describe(Policies.CatalogWrite, "SubmitCampaign", "Submit a campaign that needs approval (If-Match).", 404, 409).RequireIfMatch();
        group.MapPost("/{id}/approve", Approve).Describe(Policies.CatalogApprove, "ApproveCampaign", "Approve a submitted campaign: an admin other than the submitter (If-Match).", 403, 404, 409).RequireIfMatch();
        group.MapPost("/{id}/reject", Reject).Describe(Policies.CatalogApprove, "RejectCampaign", "Reject a submitted campaign with a reason: an admin other than the submitter (If-Match).", 400, 403, 404, 409).RequireIfMatch();
    }

    private static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> Get(
        string id, ICampaignStore store, ICampaignPlanStore plans, ICodeDistributionStore distributions, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } campaign)
        {
            return Problems.NotFound(What, id);
        }

        if (campaign.Plan is not { } plan)
        {
            return Problems.From(new DomainError("not_found", $"The campaign '{id}' has no plan.", "$.plan"));
        }

        return TypedResults.Ok(PlanResponse.From(
            campaign, plan, await plans.ListStepsAsync(id, plan.Revision, ct), await distributions.ListAsync(id, plan.Revision, ct)));
    }

    private static Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Put(
        string id, PlanRequest body, ICampaignStore store, IPromotionStore promotions, ISegmentStore segments, PlanExecutionSync sync,
        TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Change(store, sync, id, http, async current =>
        {
            if (!LifecycleMachine.IsEditable(current.Status))
            {
                return LifecycleRules.NotEditableError(current.Status, What);
            }

            // The revision is the version this write stores: unique per campaign, and growing.
            var plan = await PlanParsing.ParseAsync(body, current, current.Version + 1, promotions, segments, ct);
            return plan.IsSuccess
                ? current with { Plan = plan.Value, Approval = Resubmit(current.Approval), UpdatedAt = clock.GetUtcNow() }
                : Result<Campaign>.Fail(plan.Errors);
        }, ct);

    private static Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Delete(
        string id, ICampaignStore store, PlanExecutionSync sync, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Change(store, sync, id, http, current => Task.FromResult(current.Plan is null
            ? Result<Campaign>.Fail(new DomainError("not_found", $"The campaign '{id}' has no plan.", "$.plan"))
            : current with { Plan = null, UpdatedAt = clock.GetUtcNow() }), ct);

    private static Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Submit(
        string id, ICampaignStore store, PlanExecutionSync sync, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Change(store, sync, id, http, current => Task.FromResult<Result<Campaign>>(
            current.Approval is { Required: true, Status: ApprovalStatus.None or ApprovalStatus.Rejected } approval
                ? current with
                {
                    Approval = approval with
                    {
                        Status = ApprovalStatus.Pending, SubmittedBy = Caller(http), SubmittedAt = clock.GetUtcNow(),
                        DecidedBy = null, DecidedAt = null, Reason = null,
                    },
                    UpdatedAt = clock.GetUtcNow(),
                }
                : StateError(current, "submitted", ApprovalStatus.None, ApprovalStatus.Rejected)), ct);

    private static Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Approve(
        string id, ICampaignStore store, PlanExecutionSync sync, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Decide(store, sync, id, http, ApprovalStatus.Approved, null, clock, ct);

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Reject(
        string id, RejectRequest body, ICampaignStore store, PlanExecutionSync sync, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        // The reason is checked with the write, after its If-Match: a request without one is told so first, as everywhere.
        var checks = new FieldChecks();
        var reason = checks.Required(body.Reason, "$.reason", FieldChecks.DescriptionMax);
        return await Decide(store, sync, id, http, ApprovalStatus.Rejected, reason, clock, ct, checks.HasErrors ? checks.Errors : null);
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Decide(
        ICampaignStore store, PlanExecutionSync sync, string id, HttpContext http, ApprovalStatus decision, string? reason,
        TimeProvider clock, CancellationToken ct, IReadOnlyList<DomainError>? invalid = null)
    {
        var caller = Caller(http);
        if (await store.GetAsync(id, ct) is { Approval: { Status: ApprovalStatus.Pending } pending }
            && string.Equals(pending.SubmittedBy, caller, StringComparison.Ordinal))
        {
            return ApprovalRules.Forbidden(ApprovalRules.FourEyes, "The campaign was submitted by you; another admin decides on it.");
        }

        return await Change(store, sync, id, http, current => Task.FromResult<Result<Campaign>>(
            invalid is not null ? Result<Campaign>.Fail(invalid)
            : current.Approval is { Required: true, Status: ApprovalStatus.Pending } approval
            && !string.Equals(approval.SubmittedBy, caller, StringComparison.Ordinal)
                ? current with
                {
                    Approval = approval with { Status = decision, DecidedBy = caller, DecidedAt = clock.GetUtcNow(), Reason = reason },
                    UpdatedAt = clock.GetUtcNow(),
                }
                : StateError(current, "decided on", ApprovalStatus.Pending)), ct);
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Change(
        ICampaignStore store, PlanExecutionSync sync, string id, HttpContext http, Func<Campaign, Task<Result<Campaign>>> change,
        CancellationToken ct)
    {
        Campaign? before = null;
        return await new Versioned<Campaign>(What, store.GetAsync, c => c.Version, store.UpdateAsync, store.DeleteAsync).ChangeAsync(
            id, http, current =>
            {
                before = current;
                return change(current);
            },
            CampaignResponse.From, ct, (stored, token) => sync.SyncAsync(before!, stored, token));
    }

    // A changed plan is not the plan that was approved: it is submitted again.
    private static CampaignApproval? Resubmit(CampaignApproval? approval) =>
        approval is { Required: true } ? new CampaignApproval(true) : approval;

    private static DomainError StateError(Campaign campaign, string verb, params ApprovalStatus[] allowed)
    {
        var status = campaign.Approval is { Required: true } a ? QueryValues.Wire(a.Status) : "not required";
        return new DomainError(ApprovalRules.ApprovalState,
            $"Only a campaign that needs approval and is {string.Join(" or ", allowed.Select(QueryValues.Wire))} can be {verb}; its approval is {status}.",
            "$.approval.status");
    }

    private static string Caller(HttpContext http) => http.User.FindFirst(CallerClaims.Subject)?.Value ?? "unknown";
}
