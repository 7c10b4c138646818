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
        group.MapPost("/", Create).Describe(Policies.CatalogWrite, "CreateSegment", "Create a segment; criteria are a rule-language condition.", 400).ReturnsETag();
        group.MapGet("/{id}", Get).Describe(Policies.CatalogRead, "GetSegment", "Get a segment and its ETag.", 404).ReturnsETag();
        group.MapPut("/{id}", Update).Describe(Policies.CatalogWrite, "UpdateSegment", "Replace a segment (If-Match).", 400, 404).RequireIfMatch();
        group.MapDelete("/{id}", Delete).Describe(Policies.CatalogWrite, "DeleteSegment", "Delete a segment no campaign targets (If-Match).", 404, 409).RequireIfMatch();
    }

    private static Task<Results<Ok<ListResponse<SegmentResponse>>, ProblemHttpResult>> List(
        ISegmentStore store, string? cursor, string? limit, CancellationToken ct) =>
        Lists.PageAsync(cursor, limit, page => store.ListAsync(page, ct), SegmentResponse.From);

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

    private static Task<Results<Ok<SegmentResponse>, ProblemHttpResult>> Get(
        string id, ISegmentStore store, HttpResponse response, CancellationToken ct) =>
        Of(store).GetAsync(id, response, SegmentResponse.From, ct);

    private static Task<Results<Ok<SegmentResponse>, ProblemHttpResult>> Update(
        string id, SegmentRequest body, ISegmentStore store, HttpContext http, CancellationToken ct) =>
        Of(store).ChangeAsync(id, http, current => Task.FromResult(Validate(body, current)), SegmentResponse.From, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, ISegmentStore store, ICampaignStore campaigns, HttpRequest request, CancellationToken ct) =>
        Of(store).DeleteAsync(id, request, async _ =>
            await FindTargetingCampaign(campaigns, id, ct) is { } campaignId
                ? new DomainError("in_use", $"Campaign '{campaignId}' (and maybe others) targets this segment.", "$.id")
                : null, ct);

    private static Versioned<Segment> Of(ISegmentStore store) =>
        new(What, store.GetAsync, s => s.Version, store.UpdateAsync, store.DeleteAsync);

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
