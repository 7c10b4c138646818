using Promotions.Domain.Common;
using Promotions.Domain.Offers;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;
using Promotions.Redemption.Idempotency;
using Promotions.Redemption.Redeeming;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.Redemption.Reservations;

/// <summary>
/// <c>POST /redemptions/reservations/{id}/confirm</c> and <c>/release</c>, for every promotion of the order together.
/// Both are conditional on the hold still being reserved, so a confirm racing the expiry (or a release) has exactly one outcome.
/// </summary>
internal static class ReservationEndpoints
{
    public static RouteGroupBuilder MapReservations(this RouteGroupBuilder group)
    {
        group.MapPost("/reservations/{id}/confirm", Confirm).RequireAuthorization(Policies.Redeem).WithName("ConfirmReservation")
            .WithSummary("Turn a live hold into a redemption (Idempotency-Key required); a hold past its expiry answers reservation_expired.")
            .Produces<RedemptionResponse>().RequireIdempotencyKey().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/reservations/{id}/release", Release).RequireAuthorization(Policies.Redeem).WithName("ReleaseReservation")
            .WithSummary("End a live hold and give its capacity back (Idempotency-Key required).")
            .Produces<RedemptionResponse>().RequireIdempotencyKey().ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    internal static Task<StoredJsonResult> Confirm(
        string id, HttpContext http, IdempotentRequest idempotent, IRedemptionLedger ledger, LiveCatalog catalog, CancellationToken ct) =>
        ChangeAsync(id, http, idempotent, ledger.ConfirmAsync, ledger, catalog, ct);

    internal static Task<StoredJsonResult> Release(
        string id, HttpContext http, IdempotentRequest idempotent, IRedemptionLedger ledger, LiveCatalog catalog, CancellationToken ct) =>
        ChangeAsync(id, http, idempotent, ledger.ReleaseAsync, ledger, catalog, ct);

    private static async Task<StoredJsonResult> ChangeAsync(
        string id, HttpContext http, IdempotentRequest idempotent,
        Func<string, Idempotent<OrderRedemption>?, CancellationToken, Task<Result<OrderRedemption>>> change, IRedemptionLedger ledger,
        LiveCatalog catalog, CancellationToken ct)
    {
        if (await ledger.GetAsync(id, ct) is { } stored && !RedemptionEndpoints.Owned(http, stored))
        {
            return new StoredJsonResult(idempotent.Problem(LedgerRefusals.NoReservation(id)), replayed: false);
        }

        return await idempotent.RunAsync(http, id, async lease =>
        {
            var names = await catalog.GetAsync(ct);
            StoredResponse? stored = null;
            var result = await change(id, new Idempotent<OrderRedemption>(lease, r =>
                stored = idempotent.Success(StatusCodes.Status200OK, RedemptionResponse.From(r, names))), ct);
            return idempotent.Settle(result, stored);
        }, ct);
    }
}
