using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;
using Promotions.Redemption.Idempotency;
using Promotions.Redemption.Redeeming;
using Promotions.ServiceDefaults.Auth;
using RedemptionRecord = Promotions.Domain.Redemptions.Redemption;

namespace Promotions.Redemption.Reservations;

/// <summary>
/// <c>POST /redemptions/reservations/{id}/confirm</c> and <c>/release</c>. Both are conditional on the hold still
/// being reserved, so a confirm racing the expiry (or a release) has exactly one outcome.
/// </summary>
internal static class ReservationEndpoints
{
    public static RouteGroupBuilder MapReservations(this RouteGroupBuilder group)
    {
        group.MapPost("/reservations/{id}/confirm", Confirm).RequireAuthorization(Policies.Redeem).WithName("ConfirmReservation")
            .WithSummary("Turn a live hold into a redemption (Idempotency-Key required); a hold past its expiry answers reservation_expired.")
            .Produces<RedemptionResponse>().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/reservations/{id}/release", Release).RequireAuthorization(Policies.Redeem).WithName("ReleaseReservation")
            .WithSummary("End a live hold and give its capacity back (Idempotency-Key required).")
            .Produces<RedemptionResponse>().ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    internal static Task<StoredJsonResult> Confirm(string id, HttpContext http, IdempotentRequest idempotent, IRedemptionLedger ledger, CancellationToken ct) =>
        ChangeAsync(id, http, idempotent, ledger.ConfirmAsync, ct);

    internal static Task<StoredJsonResult> Release(string id, HttpContext http, IdempotentRequest idempotent, IRedemptionLedger ledger, CancellationToken ct) =>
        ChangeAsync(id, http, idempotent, ledger.ReleaseAsync, ct);

    private static Task<StoredJsonResult> ChangeAsync(
        string id, HttpContext http, IdempotentRequest idempotent,
        Func<string, Idempotent<RedemptionRecord>?, CancellationToken, Task<Result<RedemptionRecord>>> change, CancellationToken ct) =>
        idempotent.RunAsync(http, id, async lease =>
        {
            StoredResponse? stored = null;
            var result = await change(id, new Idempotent<RedemptionRecord>(lease, r =>
                stored = idempotent.Success(StatusCodes.Status200OK, RedemptionResponse.From(r))), ct);
            return idempotent.Settle(result, stored);
        }, ct);
}
