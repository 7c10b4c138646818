using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.Common;
using Promotions.Domain.Offers;
using Promotions.Domain.Offers.Input;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;
using Promotions.ServiceDefaults.OpenApi;

namespace Promotions.PromotionApi.Offers;

/// <summary><c>POST /offers</c> and <c>GET /offers</c>: the promotions a customer gets on a channel, best first.</summary>
internal static class OfferEndpoints
{
    private const int DefaultLimit = 50;

    public static RouteGroupBuilder MapOffers(this RouteGroupBuilder offers)
    {
        offers.MapPost("", Post)
            .RequireAuthorization(Policies.Offers)
            .WithName("FindOffers")
            .WithSummary("Offers for a customer or inline profile on a channel, optionally for a cart, optionally explained.")
            .ProducesRefusals(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        offers.MapGet("", Get)
            .RequireAuthorization(Policies.Offers)
            .WithName("ListOffers")
            .WithSummary("Cart-less offers for a customer on a channel.")
            .ProducesRefusals(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound);
        return offers;
    }

    internal static Task<Results<Ok<OffersResponse>, ProblemHttpResult>> Post(
        OffersRequest body, ClaimsPrincipal user, LiveCatalog catalog, CustomerResolver customers, UsageCache usage, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        InputValidator.Channel(body.Channel, "$.channel", errors);
        InputValidator.CustomerChoice(body.CustomerId, body.Customer, errors);
        var inline = body.Customer is null ? null : InputValidator.ToProfile(body.Customer, "$.customer", errors);
        var cart = body.Cart is null ? null : InputValidator.ToCart(body.Cart, "$.cart", errors);
        CheckLimit(body.Limit, "$.limit", errors);
        var query = new OfferQuery(body.Channel, body.CustomerId, inline, cart, body.Explain, body.Limit ?? DefaultLimit);
        CheckScope(user, body.Channel, "$.channel", errors);
        return FindAsync(query, errors, catalog, customers, usage, clock, ct);
    }

    internal static Task<Results<Ok<OffersResponse>, ProblemHttpResult>> Get(
        string? channel, string? customerId, bool? explain, int? limit, ClaimsPrincipal user,
        LiveCatalog catalog, CustomerResolver customers, UsageCache usage, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<DomainError>();
        InputValidator.Channel(channel, "channel", errors);
        CheckLimit(limit, "limit", errors);
        var query = new OfferQuery(channel!, customerId, null, null, explain ?? false, limit ?? DefaultLimit);
        CheckScope(user, channel, "channel", errors);
        return FindAsync(query, errors, catalog, customers, usage, clock, ct);
    }

    private static async Task<Results<Ok<OffersResponse>, ProblemHttpResult>> FindAsync(
        OfferQuery query, List<DomainError> errors, LiveCatalog catalog, CustomerResolver customers, UsageCache usage, TimeProvider clock,
        CancellationToken ct)
    {
        if (errors.Count > 0)
        {
            return Problems.From(errors);
        }

        var now = clock.GetUtcNow();
        var snapshot = await catalog.GetAsync(ct);
        var profile = await customers.ResolveAsync(query.CustomerId, query.Profile, snapshot, now, ct);
        if (!profile.IsSuccess)
        {
            var error = profile.Errors[0];
            return TypedResults.Problem(Problems.Create(StatusCodes.Status404NotFound, error.Code, error.Message, profile.Errors));
        }

        var request = new EligibilityRequest(profile.Value, query.Cart, query.Channel, now)
        {
            Usage = await usage.GetAsync(snapshot, profile.Value.Id, ct),
        };
        var decisions = OfferFinder.Decide(snapshot, request, query.Explain);
        return TypedResults.Ok(new OffersResponse(
            Select(decisions, EligibilityOutcome.Eligible, query.Limit),
            Select(decisions, EligibilityOutcome.NeedsCart, query.Limit),
            query.Explain ? Select(decisions, EligibilityOutcome.NotEligible, int.MaxValue) : null));
    }

    private static OfferResponse[] Select(IReadOnlyList<OfferDecision> decisions, EligibilityOutcome outcome, int limit) =>
        decisions.Where(d => d.Decision.Outcome == outcome).Take(limit).Select(OfferResponse.From).ToArray();

    // Only a valid request is judged against the caller's channels: a malformed one is a 400 whoever sends it.
    private static void CheckScope(ClaimsPrincipal user, string? channel, string path, List<DomainError> errors)
    {
        var scope = CallerScope.Of(user);
        if (errors.Count == 0 && !scope.AllowsChannel(channel))
        {
            errors.Add(scope.ChannelRefused(channel, path));
        }
    }

    private static void CheckLimit(int? limit, string path, List<DomainError> errors)
    {
        if (limit is < 1 or > ListQuery.MaxLimit)
        {
            errors.Add(new DomainError(InputValidator.InvalidValue, $"The limit is between 1 and {ListQuery.MaxLimit}.", path));
        }
    }

    private sealed record OfferQuery(
        string Channel, string? CustomerId, Domain.Customers.CustomerProfile? Profile, Domain.Carts.Cart? Cart, bool Explain, int Limit);
}
