using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.Offers;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.PromotionApi.Details;

/// <summary><c>GET /offers/promotions/{id}</c>: the public details of a live promotion.</summary>
internal static class PromotionDetailsEndpoint
{
    public static RouteGroupBuilder MapPromotionDetails(this RouteGroupBuilder offers)
    {
        offers.MapGet("/promotions/{id}", Get)
            .RequireAuthorization(Policies.Offers)
            .WithName("GetLivePromotion")
            .WithSummary("Public details of a live promotion; 404 for any promotion not running now.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return offers;
    }

    internal static async Task<Results<Ok<PromotionSummary>, ProblemHttpResult>> Get(string id, LiveCatalog catalog, CancellationToken ct)
    {
        var snapshot = await catalog.GetAsync(ct);
        return snapshot.ById.TryGetValue(id, out var live)
            ? TypedResults.Ok(PromotionSummary.From(live))
            : Problems.NotFound("live promotion", id);
    }
}
