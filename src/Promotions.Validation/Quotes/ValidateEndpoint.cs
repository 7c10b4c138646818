using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.CodeAttempts;
using Promotions.Domain.Common;
using Promotions.Domain.Offers;
using Promotions.Domain.Offers.Input;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.CodeAttempts;
using Promotions.ServiceDefaults.Http;
using Promotions.ServiceDefaults.Metrics;
using Promotions.ServiceDefaults.Quotes;
using Promotions.ServiceDefaults.OpenApi;

namespace Promotions.Validation.Quotes;

/// <summary>
/// <c>POST /validate</c>: eligibility and the discount quote of a cart. Its one side effect is counting codes that do
/// not exist against the caller and the customer (<see cref="CodeAttemptGuard"/>), so codes cannot be guessed here.
/// </summary>
internal static class ValidateEndpoint
{
    public static IEndpointRouteBuilder MapValidate(this IEndpointRouteBuilder app)
    {
        app.MapPost("/validate", Validate)
            .RequireAuthorization(Policies.Validate)
            .WithTags("Validation")
            .WithName("Validate")
            .WithSummary("Quote a cart: eligible promotions, codes, discounts per line, and why anything did not apply.")
            .ProducesRefusals(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        return app;
    }

    internal static async Task<Results<Ok<ValidateResponse>, ProblemHttpResult>> Validate(
        ValidateRequest body,
        HttpContext http,
        LiveCatalog catalog,
        CustomerResolver customers,
        CartQuoter quoter,
        CodeAttemptGuard guard,
        PromotionsMetrics metrics,
        TimeProvider clock,
        CancellationToken ct)
    {
        var errors = new List<DomainError>();
        var cart = InputValidator.ToCart(body.Cart, "$.cart", errors);
        InputValidator.Channel(body.Channel, "$.channel", errors);
        InputValidator.CustomerChoice(body.CustomerId, body.Customer, errors);
        InputValidator.Codes(body.Codes, errors);
        var inline = body.Customer is null ? null : InputValidator.ToProfile(body.Customer, "$.customer", errors);
        if (errors.Count > 0)
        {
            return Problems.From(errors);
        }

        var scope = CallerScope.Of(http.User);
        if (!scope.AllowsChannel(body.Channel))
        {
            return Problems.From(scope.ChannelRefused(body.Channel, "$.channel"));
        }

        if (await guard.RefuseIfLockedAsync(http, body.CustomerId, body.Codes, ct) is { } locked)
        {
            return locked;
        }

        var now = clock.GetUtcNow();
        var started = clock.GetTimestamp();
        var snapshot = await catalog.GetAsync(ct);
        var profile = await customers.ResolveAsync(body.CustomerId, inline, snapshot, now, ct);
        if (!profile.IsSuccess)
        {
            return TypedResults.Problem(Problems.Create(StatusCodes.Status404NotFound, profile.Errors[0].Code, profile.Errors[0].Message, profile.Errors));
        }

        var request = new QuoteRequest(cart!, profile.Value, body.Channel, body.Codes ?? []) { Explain = body.Explain == true };
        var quote = await quoter.QuoteAsync(request, snapshot, now, ct);
        metrics.Quoted(body.Channel, clock.GetElapsedTime(started), quote.Quote.Applied.Count);
        var unknown = quote.NotApplied.Where(static r => r.Reason == OfferReasons.UnknownCode).Select(static r => r.Code).Distinct(StringComparer.Ordinal).Count();
        await guard.RecordUnknownAsync(scope.CallerId, body.CustomerId, unknown, ct);
        return TypedResults.Ok(ValidateResponse.From(quote, snapshot));
    }
}
