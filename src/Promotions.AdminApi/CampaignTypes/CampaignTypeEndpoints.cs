using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.CampaignTypes;

/// <summary>CRUD of campaign types under <c>/admin/campaign-types</c>.</summary>
internal static class CampaignTypeEndpoints
{
    private const string What = "campaign type";

    public static void MapCampaignTypes(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/campaign-types").WithTags("Campaign types");
        group.MapGet("/", List).Describe(Policies.CatalogRead, "ListCampaignTypes", "List campaign types.", 400);
        group.MapPost("/", Create).Describe(Policies.CatalogWrite, "CreateCampaignType", "Create a campaign type.", 400).ReturnsETag();
        group.MapGet("/{id}", Get).Describe(Policies.CatalogRead, "GetCampaignType", "Get a campaign type and its ETag.", 404).ReturnsETag();
        group.MapPut("/{id}", Update).Describe(Policies.CatalogWrite, "UpdateCampaignType", "Replace a campaign type (If-Match).", 400, 404).RequireIfMatch();
        group.MapDelete("/{id}", Delete).Describe(Policies.CatalogWrite, "DeleteCampaignType", "Delete a campaign type no campaign uses (If-Match).", 404, 409).RequireIfMatch();
    }

    private static Task<Results<Ok<ListResponse<CampaignTypeResponse>>, ProblemHttpResult>> List(
        ICampaignTypeStore store, string? cursor, string? limit, CancellationToken ct) =>
        Lists.PageAsync(cursor, limit, page => store.ListAsync(page, ct), CampaignTypeResponse.From);

    private static async Task<Results<Created<CampaignTypeResponse>, ProblemHttpResult>> Create(
        CampaignTypeRequest body, ICampaignTypeStore store, TimeProvider clock, HttpResponse response, CancellationToken ct)
    {
        var validated = Validate(body, new CampaignType(Ids.New("ctp", clock), "", null));
        if (!validated.IsSuccess)
        {
            return Problems.From(validated.Errors);
        }

        var written = await store.CreateAsync(validated.Value, ct);
        return written is { Status: WriteStatus.Written, Value: { } t }
            ? AdminResults.Created(response, $"/admin/campaign-types/{t.Id}", CampaignTypeResponse.From(t), t.Version)
            : AdminResults.Failed(written.Status, What, validated.Value.Id);
    }

    private static Task<Results<Ok<CampaignTypeResponse>, ProblemHttpResult>> Get(
        string id, ICampaignTypeStore store, HttpResponse response, CancellationToken ct) =>
        Of(store).GetAsync(id, response, CampaignTypeResponse.From, ct);

    private static Task<Results<Ok<CampaignTypeResponse>, ProblemHttpResult>> Update(
        string id, CampaignTypeRequest body, ICampaignTypeStore store, HttpContext http, CancellationToken ct) =>
        Of(store).ChangeAsync(id, http, current => Task.FromResult(Validate(body, current)), CampaignTypeResponse.From, ct);

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, ICampaignTypeStore store, ICampaignStore campaigns, HttpRequest request, CancellationToken ct) =>
        Of(store).DeleteAsync(id, request, async _ =>
        {
            var users = await campaigns.ListAsync(new CampaignFilter(CampaignTypeId: id), new ListQuery(Limit: 1), ct);
            return users.Items.Count > 0
                ? new DomainError("in_use", $"Campaign '{users.Items[0].Id}' (and maybe others) has this type.", "$.id")
                : null;
        }, ct);

    private static Versioned<CampaignType> Of(ICampaignTypeStore store) =>
        new(What, store.GetAsync, t => t.Version, store.UpdateAsync, store.DeleteAsync);

    private static Result<CampaignType> Validate(CampaignTypeRequest body, CampaignType template)
    {
        var checks = new FieldChecks();
        var name = checks.Required(body.Name, "$.name");
        var description = checks.Optional(body.Description, "$.description");
        return checks.HasErrors ? Result<CampaignType>.Fail(checks.Errors) : template with { Name = name, Description = description };
    }
}
