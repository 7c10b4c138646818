using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.CodeAttempts;
using Promotions.Domain.Common;
using Promotions.Domain.Offers;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.CodeAttempts;
using Promotions.ServiceDefaults.Http;

namespace Promotions.PromotionApi.Codes;

/// <summary>
/// <c>GET /offers/codes/{code}</c>: the state of one code, rate-limited per caller in this process, and guarded like
/// every place codes are tried: a code that does not exist counts against the caller (<see cref="CodeAttemptGuard"/>),
/// whose lockout holds in every process.
/// </summary>
internal static class CodeLookupEndpoint
{
    public const string RateLimited = "rate_limited";

    public static RouteGroupBuilder MapCodeLookup(this RouteGroupBuilder offers)
    {
        offers.MapGet("/codes/{code}", Lookup)
            .RequireAuthorization(Policies.Offers)
            .AddEndpointFilter(Limit)
            .WithName("LookupCode")
            .WithSummary("The state of one code and, when valid, its promotion's public summary. Limited per caller.")
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return offers;
    }

    internal static async Task<Results<Ok<CodeLookupResponse>, ProblemHttpResult>> Lookup(
        string code, HttpContext http, LiveCatalog catalog, CodeResolver codes, UsageCache usage, CodeAttemptGuard guard, TimeProvider clock,
        CancellationToken ct)
    {
        if (await guard.RefuseIfLockedAsync(http, customerId: null, [code], ct) is { } locked)
        {
            return locked;
        }

        var snapshot = await catalog.GetAsync(ct);
        var resolution = await codes.ResolveAsync(code, customer: null, snapshot, clock.GetUtcNow(), ct);
        // A lookup names no customer: only the promotion's cap and its campaign's budget can exhaust the code here.
        if (resolution is { IsUsable: true, Promotion: { } live }
            && UsageLimits.Check(live, await usage.GetAsync(snapshot, null, ct), customerId: null, clock.GetUtcNow()) is { } used)
        {
            resolution = resolution with { Promotion = null, Reason = used };
        }

        if (resolution.Reason == OfferReasons.UnknownCode)
        {
            await guard.RecordUnknownAsync(http, customerId: null, 1, ct);
        }

        return TypedResults.Ok(CodeLookupResponse.From(resolution));
    }

    private static async ValueTask<object?> Limit(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var limiter = http.RequestServices.GetRequiredService<CodeLookupLimiter>();
        using var lease = limiter.Acquire(DevTokens.SubjectOf(http.User));
        if (lease.IsAcquired)
        {
            return await next(context);
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : CodeLookupLimiter.Window;
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var error = new DomainError(RateLimited, "Too many code lookups; wait before trying again.", null);
        return TypedResults.Problem(Problems.Create(StatusCodes.Status429TooManyRequests, RateLimited, error.Message, [error]));
    }
}
