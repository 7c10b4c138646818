using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.AdminApi.Lifecycle;
using Promotions.AdminApi.Plans;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Campaigns;

/// <summary>CRUD, lists and lifecycle of campaigns under <c>/admin/campaigns</c>.</summary>
internal static class CampaignEndpoints
{
    private const string What = "campaign";

    public static void MapCampaigns(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/campaigns").WithTags("Campaigns");
        group.MapGet("/", List).Describe(Policies.CatalogRead, "ListCampaigns", "List campaigns, filtered by status, type, owner and a name search (q: case-insensitive substring).", 400);
        group.MapPost("/", Create).Describe(Policies.CatalogWrite, "CreateCampaign", "Create a draft campaign.", 400).ReturnsETag();
        group.MapGet("/{id}", Get).Describe(Policies.CatalogRead, "GetCampaign", "Get a campaign and its ETag.", 404).ReturnsETag();
        group.MapPut("/{id}", Update).Describe(Policies.CatalogWrite, "UpdateCampaign", "Replace the editable fields of a campaign (If-Match).", 400, 404, 409).RequireIfMatch();
        group.MapDelete("/{id}", Delete).Describe(Policies.CatalogWrite, "DeleteCampaign", "Delete a draft or archived campaign without promotions (If-Match).", 404, 409).RequireIfMatch();
        group.MapPost("/{id}/lifecycle", ChangeLifecycle).Describe(Policies.CatalogWrite, "ChangeCampaignLifecycle", "Schedule, activate, pause, end or archive a campaign (If-Match).", 400, 404, 409).RequireIfMatch();
    }

    private static Task<Results<Ok<ListResponse<CampaignResponse>>, ProblemHttpResult>> List(
        ICampaignStore store, string? status, string? campaignTypeId, string? owner, string? q, string? cursor, string? limit, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var search = Strings.OrNull(q);
        if (search is { Length: > CampaignFilter.MaxNameSearch })
        {
            errors.Add(new DomainError("invalid_value", $"q is at most {CampaignFilter.MaxNameSearch} characters.", "$.q"));
        }

        var filter = new CampaignFilter(QueryValues.Enum<LifecycleStatus>(status, "$.status", errors), Strings.OrNull(campaignTypeId), Strings.OrNull(owner),
            search is null ? null : CampaignFilter.SearchForm(search));
        return Lists.PageAsync(cursor, limit, page => store.ListAsync(filter, page, ct), CampaignResponse.From, errors);
    }

    private static async Task<Results<Created<CampaignResponse>, ProblemHttpResult>> Create(
        CampaignRequest body, ICampaignStore store, ISegmentStore segments, ICampaignTypeStore types, IRedemptionLedger ledger,
        TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var draft = new Campaign(Ids.New("cmp", clock), "", null, null, null, LifecycleStatus.Draft, null, null, null, null, now, now);
        var validated = await new CampaignValidation(segments, types, ledger).ValidateAsync(body, draft, ct);
        if (!validated.IsSuccess)
        {
            return Problems.From(validated.Errors);
        }

        var written = await store.CreateAsync(validated.Value, ct);
        return written is { Status: WriteStatus.Written, Value: { } c }
            ? AdminResults.Created(response, $"/admin/campaigns/{c.Id}", CampaignResponse.From(c), c.Version)
            : AdminResults.Failed(written.Status, What, validated.Value.Id);
    }

    private static Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Get(
        string id, ICampaignStore store, HttpResponse response, CancellationToken ct) =>
        Of(store).GetAsync(id, response, CampaignResponse.From, ct);

    private static Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Update(
        string id, CampaignRequest body, ICampaignStore store, ISegmentStore segments, ICampaignTypeStore types,
        IRedemptionLedger ledger, TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Of(store).ChangeAsync(id, http, async current =>
        {
            if (!LifecycleMachine.IsEditable(current.Status))
            {
                return LifecycleRules.NotEditableError(current.Status, What);
            }

            var next = await new CampaignValidation(segments, types, ledger).ValidateAsync(body, current with { UpdatedAt = clock.GetUtcNow() }, ct);
            return next.IsSuccess && current.Approval is { Required: true } && next.Value.Approval is not { Required: true } && !http.User.IsInRole(Roles.Admin)
                ? new DomainError(ApprovalRules.AdminOnly, "Only an admin takes the approval requirement off a campaign.", "$.requiresApproval")
                : next;
        }, CampaignResponse.From, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, ICampaignStore store, IPromotionStore promotions, HttpRequest request, CancellationToken ct) =>
        Of(store).DeleteAsync(id, request, async current =>
        {
            if (LifecycleRules.DeleteGuard(current.Status, What) is { } refused)
            {
                return refused;
            }

            var promotionsOfCampaign = await promotions.ListAsync(new(CampaignId: id), new ListQuery(Limit: 1), ct);
            return promotionsOfCampaign.Items.Count > 0
                ? new DomainError("in_use", "The campaign still has promotions; delete them first.", "$.id")
                : null;
        }, ct);

    private static Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> ChangeLifecycle(
        string id, LifecycleRequest body, ICampaignStore store, PlanExecutionSync sync, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        Campaign? before = null;
        return Of(store).ChangeAsync(id, http, current =>
        {
            before = current;
            var now = clock.GetUtcNow();
            var action = LifecycleRules.ParseAction(body);
            var next = !action.IsSuccess ? Result<LifecycleStatus>.Fail(action.Errors)
                : ApprovalRules.Guard(current, action.Value) is { } refused ? refused
                : LifecycleGuards.Campaign(current, action.Value, now);
            return Task.FromResult(next.IsSuccess
                ? Result<Campaign>.Ok(current with { Status = next.Value, UpdatedAt = now })
                : Result<Campaign>.Fail(next.Errors));
        }, CampaignResponse.From, ct, (stored, token) => sync.SyncAsync(before!, stored, token));
    }

    private static Versioned<Campaign> Of(ICampaignStore store) =>
        new(What, store.GetAsync, c => c.Version, store.UpdateAsync, store.DeleteAsync);
}
