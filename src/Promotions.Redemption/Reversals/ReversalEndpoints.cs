using Promotions.Domain.Common;
using Promotions.Domain.Offers;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;
using Promotions.Redemption.Idempotency;
using Promotions.Redemption.Redeeming;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.Redemption.Reversals;

/// <summary><c>POST /redemptions/{id}/reversals</c>: a full or partial reversal of every promotion of the order, given back exactly once.</summary>
internal static class ReversalEndpoints
{
    public const string IdPrefix = "rev";

    public static RouteGroupBuilder MapReversals(this RouteGroupBuilder group)
    {
        group.MapPost("/{id}/reversals", Reverse).RequireAuthorization(Policies.Redeem).WithName("ReverseRedemption")
            .WithSummary("Give back a redemption's discount: all that remains (no lines) or the returned units of some lines (Idempotency-Key required).")
            .Produces<ReversalResponse>(StatusCodes.Status201Created).RequireIdempotencyKey().ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    internal static async Task<StoredJsonResult> Reverse(
        string id, ReverseRequest? body, HttpContext http, IdempotentRequest idempotent, IRedemptionLedger ledger,
        LiveCatalog catalog, TimeProvider clock, CancellationToken ct)
    {
        body ??= new ReverseRequest();
        var errors = Validate(body);
        if (errors.Count > 0)
        {
            return new StoredJsonResult(idempotent.Problem(RedemptionProblems.Create(errors)), replayed: false);
        }

        if (await ledger.GetAsync(id, ct) is { } stored && !RedemptionEndpoints.Owned(http, stored))
        {
            return new StoredJsonResult(idempotent.Problem(LedgerRefusals.NoRedemption(id)), replayed: false);
        }

        return await idempotent.RunAsync(http, body, async lease =>
        {
            var names = await catalog.GetAsync(ct);
            StoredResponse? stored = null;
            var command = new ReverseCommand(id, Ids.New(IdPrefix, clock), body.Lines);
            var result = await ledger.ReverseAsync(command, new Idempotent<Reversal>(lease, r =>
                stored = idempotent.Success(StatusCodes.Status201Created, ReversalResponse.From(r, names))), ct);
            return idempotent.Settle(result, stored);
        }, ct);
    }

    private static List<DomainError> Validate(ReverseRequest body)
    {
        var errors = new List<DomainError>();
        var lines = body.Lines ?? [];
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i].LineId))
            {
                errors.Add(new DomainError("invalid_value", "Name the returned line.", $"$.lines[{i}].lineId"));
            }

            if (lines[i].Quantity < 1)
            {
                errors.Add(new DomainError("invalid_value", "Return at least one unit.", $"$.lines[{i}].quantity"));
            }
        }

        return errors;
    }
}
