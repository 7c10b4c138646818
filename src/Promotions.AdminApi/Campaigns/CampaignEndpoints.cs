using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.AdminApi.Lifecycle;
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
        group.MapGet("/", List).Describe(Policies.CatalogRead, "ListCampaigns", "List campaigns, filtered by status, type and owner.", 400);
        group.MapPost("/", Create).Describe(Policies.CatalogWrite, "CreateCampaign", "Create a draft campaign.", 400);
        group.MapGet("/{id}", Get).Describe(Policies.CatalogRead, "GetCampaign", "Get a campaign and its ETag.", 404);
        group.MapPut("/{id}", Update).Describe(Policies.CatalogWrite, "UpdateCampaign", "Replace the editable fields of a campaign (If-Match).", 400, 404, 409, 412, 428);
        group.MapDelete("/{id}", Delete).Describe(Policies.CatalogWrite, "DeleteCampaign", "Delete a draft or archived campaign without promotions (If-Match).", 404, 409, 412, 428);
        group.MapPost("/{id}/lifecycle", ChangeLifecycle).Describe(Policies.CatalogWrite, "ChangeCampaignLifecycle", "Schedule, activate, pause, end or archive a campaign (If-Match).", 400, 404, 409, 412, 428);
    }

    private static async Task<Results<Ok<ListResponse<CampaignResponse>>, ProblemHttpResult>> List(
        ICampaignStore store, string? status, string? campaignTypeId, string? owner, string? cursor, string? limit, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var statusFilter = QueryValues.Enum<LifecycleStatus>(status, "$.status", errors);
        var page = Paging.Parse(cursor, limit, errors);
        if (page is null)
        {
            return Problems.From(errors);
        }

        var items = await store.ListAsync(new CampaignFilter(statusFilter, Strings.OrNull(campaignTypeId), Strings.OrNull(owner)), page, ct);
        return TypedResults.Ok(ListResponse<CampaignResponse>.From(items, CampaignResponse.From));
    }

    private static async Task<Results<Created<CampaignResponse>, ProblemHttpResult>> Create(
        CampaignRequest body, ICampaignStore store, ISegmentStore segments, ICampaignTypeStore types, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var draft = new Campaign(Ids.New("cmp", clock), "", null, null, null, LifecycleStatus.Draft, null, null, null, null, now, now);
        var validated = await new CampaignValidation(segments, types).ValidateAsync(body, draft, ct);
        if (!validated.IsSuccess)
        {
            return Problems.From(validated.Errors);
        }

        var written = await store.CreateAsync(validated.Value, ct);
        return written is { Status: WriteStatus.Written, Value: { } c }
            ? AdminResults.Created(response, $"/admin/campaigns/{c.Id}", CampaignResponse.From(c), c.Version)
            : AdminResults.Failed(written.Status, What, validated.Value.Id);
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Get(
        string id, ICampaignStore store, HttpResponse response, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } c
            ? AdminResults.Ok(response, CampaignResponse.From(c), c.Version)
            : Problems.NotFound(What, id);

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Update(
        string id, CampaignRequest body, ICampaignStore store, ISegmentStore segments, ICampaignTypeStore types,
        TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } current)
        {
            return Problems.NotFound(What, id);
        }

        if (AdminResults.Precondition(http.Request, current.Version, out var expected) is { } failed)
        {
            return failed;
        }

        if (!LifecycleMachine.IsEditable(current.Status))
        {
            return AdminResults.Conflict(LifecycleRules.NotEditable, $"A campaign that is {QueryValues.Wire(current.Status)} cannot be changed.");
        }

        var validated = await new CampaignValidation(segments, types).ValidateAsync(body, current with { UpdatedAt = clock.GetUtcNow() }, ct);
        if (!validated.IsSuccess)
        {
            return Problems.From(validated.Errors);
        }

        return await Save(store, validated.Value, expected, http.Response, ct);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, ICampaignStore store, IPromotionStore promotions, HttpRequest request, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } current)
        {
            return Problems.NotFound(What, id);
        }

        if (AdminResults.Precondition(request, current.Version, out var expected) is { } failed)
        {
            return failed;
        }

        if (!LifecycleRules.IsDeletable(current.Status))
        {
            return AdminResults.Conflict(LifecycleRules.NotDeletable, $"Only draft or archived campaigns can be deleted; this one is {QueryValues.Wire(current.Status)}.");
        }

        var promotionsOfCampaign = await promotions.ListAsync(new(CampaignId: id), new ListQuery(Limit: 1), ct);
        if (promotionsOfCampaign.Items.Count > 0)
        {
            return Problems.From(new DomainError("in_use", "The campaign still has promotions; delete them first.", "$.id"));
        }

        var status = await store.DeleteAsync(id, expected, ct);
        return status == WriteStatus.Written ? TypedResults.NoContent() : AdminResults.Failed(status, What, id);
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> ChangeLifecycle(
        string id, LifecycleRequest body, ICampaignStore store, TimeProvider clock, HttpContext http, CancellationToken ct)
    {
        var action = LifecycleRules.ParseAction(body);
        if (!action.IsSuccess)
        {
            return Problems.From(action.Errors);
        }

        if (await store.GetAsync(id, ct) is not { } current)
        {
            return Problems.NotFound(What, id);
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
        if (LifecycleRules.CheckWindow(action.Value, current.EndsAt, now, What) is { } ended)
        {
            return AdminResults.Conflict(ended.Code, ended.Message, ended.Path);
        }

        if (action.Value == LifecycleAction.Schedule && current.StartsAt is null)
        {
            return AdminResults.Conflict("start_required", "A campaign needs a start date to be scheduled; set startsAt or activate it now.", "$.startsAt");
        }

        return await Save(store, current with { Status = next.Value, UpdatedAt = now }, expected, http.Response, ct);
    }

    private static async Task<Results<Ok<CampaignResponse>, ProblemHttpResult>> Save(
        ICampaignStore store, Campaign campaign, long expected, HttpResponse response, CancellationToken ct)
    {
        var written = await store.UpdateAsync(campaign, expected, ct);
        return written is { Status: WriteStatus.Written, Value: { } c }
            ? AdminResults.Ok(response, CampaignResponse.From(c), c.Version)
            : AdminResults.Failed(written.Status, What, campaign.Id);
    }
}
