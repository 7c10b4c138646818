using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.AdminApi.Common;
using Promotions.AdminApi.Lifecycle;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.AdminApi.Promotions;

/// <summary>
/// CRUD and lists of promotions under <c>/admin/promotions</c>. Every create, update and lifecycle move writes its
/// events (<see cref="CatalogEvents.PromotionWritten"/>) with the change, and then updates the search index.
/// </summary>
internal static class PromotionEndpoints
{
    public const string What = "promotion";

    public static void MapPromotions(this RouteGroupBuilder admin)
    {
        var group = admin.MapGroup("/promotions").WithTags("Promotions");
        group.MapGet("/", List).Describe(Policies.CatalogRead, "ListPromotions", "List promotions, filtered by campaign, status, kind and channel.", 400);
        group.MapPost("/", Create).Describe(Policies.CatalogWrite, "CreatePromotion", "Create a draft promotion with its rules and effect.", 400).ReturnsETag();
        group.MapGet("/{id}", Get).Describe(Policies.CatalogRead, "GetPromotion", "Get a promotion and its ETag.", 404).ReturnsETag();
        group.MapPut("/{id}", Update).Describe(Policies.CatalogWrite, "UpdatePromotion", "Replace the editable fields of a promotion (If-Match).", 400, 404, 409).RequireIfMatch();
        group.MapDelete("/{id}", Delete).Describe(Policies.CatalogWrite, "DeletePromotion", "Delete a draft or archived promotion without codes (If-Match).", 404, 409).RequireIfMatch();
        group.MapPost("/{id}/lifecycle", PromotionLifecycle.Change).Describe(Policies.CatalogWrite, "ChangePromotionLifecycle", "Schedule, activate, pause, end or archive a promotion (If-Match).", 400, 404, 409).RequireIfMatch();
    }

    private static Task<Results<Ok<ListResponse<PromotionResponse>>, ProblemHttpResult>> List(
        IPromotionStore store, string? campaignId, string? status, string? kind, string? channel, string? cursor, string? limit, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var statusFilter = QueryValues.Enum<LifecycleStatus>(status, "$.status", errors);
        var kindFilter = QueryValues.Enum<PromotionKind>(kind, "$.kind", errors);
        if (!string.IsNullOrEmpty(channel) && !Channels.IsKnown(channel))
        {
            errors.Add(new DomainError("unknown_channel", $"'{channel}' is not a channel; use one of: {string.Join(", ", Channels.All)}.", "$.channel"));
        }

        var filter = new PromotionFilter(Strings.OrNull(campaignId), statusFilter, kindFilter, Strings.OrNull(channel));
        return Lists.PageAsync(cursor, limit, page => store.ListAsync(filter, page, ct), PromotionResponse.From, errors);
    }

    private static async Task<Results<Created<PromotionResponse>, ProblemHttpResult>> Create(
        PromotionRequest body, IPromotionStore store, ICampaignStore campaigns, IPromotionSearch search, TimeProvider clock,
        HttpResponse response, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var draft = new Promotion(Ids.New("prm", clock), "", "", null, PromotionKind.Automatic, null, null, LifecycleStatus.Draft,
            default, [], [], 0, Stacking.Default, null, 0, null, now, now);
        var validated = await new PromotionValidation(campaigns, clock).ValidateAsync(body, draft, null, ct);
        if (!validated.IsSuccess)
        {
            return Problems.From(validated.Errors);
        }

        var created = validated.Value with { Version = 1 };
        var written = await store.CreateAsync(created, CatalogEvents.PromotionWritten(null, created, clock), ct);
        if (written is not { Status: WriteStatus.Written, Value: { } p })
        {
            return AdminResults.Failed(written.Status, What, created.Id);
        }

        await search.IndexAsync(p, ct);
        return AdminResults.Created(response, $"/admin/promotions/{p.Id}", PromotionResponse.From(p), p.Version);
    }

    private static Task<Results<Ok<PromotionResponse>, ProblemHttpResult>> Get(
        string id, IPromotionStore store, TimeProvider clock, HttpResponse response, CancellationToken ct) =>
        Of(store, clock).GetAsync(id, response, PromotionResponse.From, ct);

    private static Task<Results<Ok<PromotionResponse>, ProblemHttpResult>> Update(
        string id, PromotionRequest body, IPromotionStore store, ICampaignStore campaigns, IPromotionSearch search,
        TimeProvider clock, HttpContext http, CancellationToken ct) =>
        Of(store, clock).ChangeAsync(id, http, async current => LifecycleMachine.IsEditable(current.Status)
            ? await new PromotionValidation(campaigns, clock).ValidateAsync(body, current with { UpdatedAt = clock.GetUtcNow() }, current, ct)
            : LifecycleRules.NotEditableError(current.Status, What), PromotionResponse.From, ct, search.IndexAsync);

    private static Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, IPromotionStore store, ICodeStore codes, IPromotionSearch search, TimeProvider clock, HttpRequest request, CancellationToken ct) =>
        Of(store, clock).DeleteAsync(id, request, async current =>
        {
            if (LifecycleRules.DeleteGuard(current.Status, What) is { } refused)
            {
                return refused;
            }

            // Codes are unique across promotions and hold redemption history; deleting their promotion would orphan them.
            return await codes.CountAsync(id, ct) is > 0 and var count
                ? new DomainError("in_use", $"The promotion has {count} codes; archive it instead.", "$.id")
                : null;
        }, ct, search.RemoveAsync);

    /// <summary>
    /// The versioned read-check-write flow over promotions: each update carries the events of the change, built from
    /// the promotion as it will be stored (the next version) and as it was.
    /// </summary>
    internal static Versioned<Promotion> Of(IPromotionStore store, TimeProvider clock) =>
        new(What, store.GetAsync, p => p.Version,
            (current, next, expected, ct) =>
                store.UpdateAsync(next, expected, CatalogEvents.PromotionWritten(current, next with { Version = expected + 1 }, clock), ct),
            store.DeleteAsync);
}
