using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Rules;
using Promotions.Domain.Segments;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Segments;

/// <summary>CRUD of customer segments under <c>/admin/segments</c>.</summary>
internal static class SegmentEndpoints
{
    private const string What = "segment";

    public static void MapSegments(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/segments").WithTags("Segments");
        group.MapGet("/", List).Describe(Policies.CatalogRead, "ListSegments", "List segments.", 400);
        group.MapPost("/", Create).Describe(Policies.CatalogWrite, "CreateSegment", "Create a segment; criteria are a rule-language condition.", 400);
        group.MapGet("/{id}", Get).Describe(Policies.CatalogRead, "GetSegment", "Get a segment and its ETag.", 404);
        group.MapPut("/{id}", Update).Describe(Policies.CatalogWrite, "UpdateSegment", "Replace a segment (If-Match).", 400, 404, 412, 428);
        group.MapDelete("/{id}", Delete).Describe(Policies.CatalogWrite, "DeleteSegment", "Delete a segment no campaign targets (If-Match).", 404, 409, 412, 428);
    }

    private static async Task<Results<Ok<ListResponse<SegmentResponse>>, ProblemHttpResult>> List(
        ISegmentStore store, string? cursor, string? limit, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        if (Paging.Parse(cursor, limit, errors) is not { } page)
        {
            return Problems.From(errors);
        }

        return TypedResults.Ok(ListResponse<SegmentResponse>.From(await store.ListAsync(page, ct), SegmentResponse.From));
    }

    private static async Task<Results<Created<SegmentResponse>, ProblemHttpResult>> Create(
        SegmentRequest body, ISegmentStore store, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var validated = Validate(body, new Segment(Ids.New("seg", clock), "", null, null));
        if (!validated.IsSuccess)
        {
            return Problems.From(validated.Errors);
        }

        var written = await store.CreateAsync(validated.Value, ct);
        return written is { Status: WriteStatus.Written, Value: { } s }
            ? AdminResults.Created(response, $"/admin/segments/{s.Id}", SegmentResponse.From(s), s.Version)
            : AdminResults.Failed(written.Status, What, validated.Value.Id);
    }

    private static async Task<Results<Ok<SegmentResponse>, ProblemHttpResult>> Get(
        string id, ISegmentStore store, HttpResponse response, CancellationToken ct) =>
        await store.GetAsync(id, ct) is { } s
            ? AdminResults.Ok(response, SegmentResponse.From(s), s.Version)
            : Problems.NotFound(What, id);

    private static async Task<Results<Ok<SegmentResponse>, ProblemHttpResult>> Update(
        string id, SegmentRequest body, ISegmentStore store, HttpContext http, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } current)
        {
            return Problems.NotFound(What, id);
        }

        if (AdminResults.Precondition(http.Request, current.Version, out var expected) is { } failed)
        {
            return failed;
        }

        var validated = Validate(body, current);
        if (!validated.IsSuccess)
        {
            return Problems.From(validated.Errors);
        }

        var written = await store.UpdateAsync(validated.Value, expected, ct);
        return written is { Status: WriteStatus.Written, Value: { } s }
            ? AdminResults.Ok(http.Response, SegmentResponse.From(s), s.Version)
            : AdminResults.Failed(written.Status, What, id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, ISegmentStore store, ICampaignStore campaigns, HttpRequest request, CancellationToken ct)
    {
        if (await store.GetAsync(id, ct) is not { } current)
        {
            return Problems.NotFound(What, id);
        }

        if (AdminResults.Precondition(request, current.Version, out var expected) is { } failed)
        {
            return failed;
        }

        if (await FindTargetingCampaign(campaigns, id, ct) is { } campaignId)
        {
            return Problems.From(new DomainError("in_use", $"Campaign '{campaignId}' (and maybe others) targets this segment.", "$.id"));
        }

        var status = await store.DeleteAsync(id, expected, ct);
        return status == WriteStatus.Written ? TypedResults.NoContent() : AdminResults.Failed(status, What, id);
    }

    // The campaign port has no target-segment filter, so this walks the campaigns a page at a time; a
    // rare admin call over a catalog-sized table.
    private static async Task<string?> FindTargetingCampaign(ICampaignStore campaigns, string segmentId, CancellationToken ct)
    {
        string? after = null;
        do
        {
            var page = await campaigns.ListAsync(new CampaignFilter(), new ListQuery(after, ListQuery.MaxLimit), ct);
            if (page.Items.FirstOrDefault(c => c.TargetSegmentId == segmentId) is { } user)
            {
                return user.Id;
            }

            after = page.NextCursor is null ? null : Cursor.Decode(page.NextCursor).Value;
        }
        while (after is not null);

        return null;
    }

    private static Result<Segment> Validate(SegmentRequest body, Segment template)
    {
        var checks = new FieldChecks();
        var name = checks.Required(body.Name, "$.name");
        var description = checks.Optional(body.Description, "$.description");
        var criteria = body.Criteria is { ValueKind: not JsonValueKind.Null } c ? c : (JsonElement?)null;
        if (criteria is { } condition)
        {
            checks.AddRange(RuleLanguage.Parse(condition, "$.criteria").Errors);
        }

        return checks.HasErrors
            ? Result<Segment>.Fail(checks.Errors)
            : template with { Name = name, Description = description, Criteria = criteria };
    }
}
