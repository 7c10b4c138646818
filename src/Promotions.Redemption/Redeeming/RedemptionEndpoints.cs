using Microsoft.AspNetCore.Http.HttpResults;
using Promotions.Domain.Common;
using Promotions.Domain.Offers;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;
using Promotions.Redemption.Idempotency;
using Promotions.Domain.CodeAttempts;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.CodeAttempts;
using Promotions.ServiceDefaults.Http;
using Promotions.ServiceDefaults.OpenApi;
using Promotions.ServiceDefaults.Metrics;

namespace Promotions.Redemption.Redeeming;

/// <summary>
/// <c>POST /redemptions</c>, <c>POST /redemptions/reservations</c>, <c>GET /redemptions/{id}</c> and
/// <c>GET /redemptions?orderId=|code=</c> (<see cref="RedemptionLookup"/>).
/// </summary>
internal static class RedemptionEndpoints
{
    public const int DefaultHoldSeconds = 900;
    public const int MaxHoldSeconds = 3600;

    public static RouteGroupBuilder MapRedemptions(this RouteGroupBuilder group)
    {
        group.MapPost("/", Redeem).RequireAuthorization(Policies.Redeem).WithName("Redeem").WithRequestMetric("Checkout")
            .WithSummary("Redeem a cart: every promotion its quote applies (codes and automatic ones), atomically across every limit (Idempotency-Key required).")
            .Produces<RedemptionResponse>(StatusCodes.Status201Created).RequireIdempotencyKey().ProducesRefusals(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        group.MapPost("/reservations", Reserve).RequireAuthorization(Policies.Redeem).WithName("Reserve")
            .WithSummary("Hold the capacity of every promotion a cart's quote applies until it is confirmed, released or expires (Idempotency-Key required).")
            .Produces<RedemptionResponse>(StatusCodes.Status201Created).RequireIdempotencyKey().ProducesRefusals(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests);
        group.MapGet("/{id}", Get).RequireAuthorization(Policies.Redeem).WithName("GetRedemption")
            .WithSummary("An order's redemption or reservation: every promotion with its per-line allocation, and what reversals gave back.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", RedemptionLookup.List).RequireAuthorization(Policies.Redeem).WithName("FindRedemptions")
            .WithSummary("The recorded redemptions of an order id or those that used a code (exactly one of orderId, code), newest first, at most 100.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return group;
    }

    internal static Task<StoredJsonResult> Redeem(
        RedeemRequest body, HttpContext http, IdempotentRequest idempotent, CartRedeemer redeemer, CodeAttemptGuard guard, TimeProvider clock,
        CancellationToken ct) =>
        RecordAsync(body, body, null, http, idempotent, redeemer, guard, clock, ct);

    internal static Task<StoredJsonResult> Reserve(
        ReserveRequest body, HttpContext http, IdempotentRequest idempotent, CartRedeemer redeemer, CodeAttemptGuard guard, TimeProvider clock,
        CancellationToken ct)
    {
        var seconds = body.HoldSeconds ?? DefaultHoldSeconds;
        if (seconds is < 1 or > MaxHoldSeconds)
        {
            var error = new DomainError("invalid_value", $"A hold lasts 1 to {MaxHoldSeconds} seconds.", "$.holdSeconds");
            return Task.FromResult(new StoredJsonResult(idempotent.Problem(error), replayed: false));
        }

        return RecordAsync(body.ToRedeem(), body, TimeSpan.FromSeconds(seconds), http, idempotent, redeemer, guard, clock, ct);
    }

    internal static async Task<Results<Ok<RedemptionResponse>, ProblemHttpResult>> Get(
        string id, HttpContext http, IRedemptionLedger ledger, LiveCatalog catalog, CancellationToken ct) =>
        await ledger.GetAsync(id, ct) is { } redemption && Owned(http, redemption)
            ? TypedResults.Ok(RedemptionResponse.From(redemption, await catalog.GetAsync(ct)))
            : TypedResults.Problem(RedemptionProblems.Create([LedgerRefusals.NoRedemption(id)]));

    /// <summary>
    /// True when the caller may see and change <paramref name="redemption"/>: staff and unbound clients any, a client
    /// bound to a partner or channels only those it made; another's answers as if it did not exist.
    /// </summary>
    internal static bool Owned(HttpContext http, OrderRedemption redemption) =>
        CallerScope.Of(http.User).Owns(redemption.CallerId, redemption.PartnerId);

    private static async Task<StoredJsonResult> RecordAsync<TBody>(
        RedeemRequest body, TBody asSent, TimeSpan? hold, HttpContext http, IdempotentRequest idempotent, CartRedeemer redeemer,
        CodeAttemptGuard guard, TimeProvider clock, CancellationToken ct)
    {
        var errors = CartRedeemer.Validate(body, out var cart, out var inline);
        if (errors.Count > 0)
        {
            return new StoredJsonResult(idempotent.Problem(RedemptionProblems.Create(errors)), replayed: false);
        }

        // Refusals of the caller itself are answered before the key is taken, so a retry after them runs anew.
        var scope = CallerScope.Of(http.User);
        if (!scope.AllowsChannel(body.Channel))
        {
            return new StoredJsonResult(idempotent.Problem(Problems.From(scope.ChannelRefused(body.Channel, "$.channel")).ProblemDetails), replayed: false);
        }

        if (await guard.RefuseIfLockedAsync(http, body.CustomerId, body.AllCodes, ct) is { } locked)
        {
            return new StoredJsonResult(idempotent.Problem(locked.ProblemDetails), replayed: false);
        }

        var caller = new RedemptionCaller(scope.CallerId, scope.PartnerId);
        return await idempotent.RunAsync(http, asSent, lease => redeemer.RedeemAsync(body, cart!, inline, hold, caller, lease, idempotent, clock, ct), ct);
    }
}
