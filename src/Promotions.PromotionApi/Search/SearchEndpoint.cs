using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.PromotionApi.Details;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.PromotionApi.Search;

/// <summary><c>GET /offers/search</c>: full-text search over promotions with filters, paged.</summary>
internal static class SearchEndpoint
{
    public static RouteGroupBuilder MapSearch(this RouteGroupBuilder offers)
    {
        offers.MapGet("/search", Search)
            .RequireAuthorization(Policies.Offers)
            .WithName("SearchPromotions")
            .WithSummary("Search promotions by text over name and description, filtered by status, kind, channel, campaign and dates.");
        return offers;
    }

    internal static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> Search(
        string? q, string? status, string? kind, string? channel, string? campaignId, string? from, string? to,
        string? cursor, string? limit, IPromotionSearch search, IPromotionStore promotions, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var (query, page) = SearchParameters.Read(q, status, kind, channel, campaignId, from, to, cursor, limit, errors);
        if (errors.Count > 0)
        {
            return Problems.From(errors);
        }

        var ids = await search.SearchAsync(query, page, ct);
        var items = new List<PromotionSummary>(ids.Items.Count);
        foreach (var id in ids.Items)
        {
            // The index may briefly hold a promotion deleted since; it is skipped rather than reported.
            if (await promotions.GetAsync(id, ct) is { } promotion)
            {
                items.Add(PromotionSummary.From(promotion));
            }
        }

        return TypedResults.Ok(new SearchResponse(items, ids.NextCursor));
    }
}

/// <summary>One page of search results, in rank order; <paramref name="NextCursor"/> is null on the last page.</summary>
public sealed record SearchResponse(IReadOnlyList<PromotionSummary> Items, string? NextCursor);
