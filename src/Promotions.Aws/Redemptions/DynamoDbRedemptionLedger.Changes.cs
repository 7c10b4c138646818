using Amazon.DynamoDBv2.Model;
using Promotions.Domain.Common;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// Every change of the ledger: the plan of <see cref="LedgerPlanner"/> applied as one <see cref="PlanTransaction"/>,
/// attempt after attempt. A change of a stored redemption is planned from the item as read and conditioned on its
/// version: of two changes racing (a confirm and an expiry, two reversals), whichever commits first wins, and the
/// other plans again from what the first left, so nothing is given back twice.
/// </summary>
internal sealed partial class DynamoDbRedemptionLedger
{
    public Task<Result<OrderRedemption>> RedeemAsync(RedeemCommand command, Idempotent<OrderRedemption>? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var plan = LedgerPlanner.Redeem(command, clock.GetUtcNow(), clock);
        return plan.IsSuccess
            ? RunAsync(null, (_, _) => plan, idempotency, static p => p.After, ct)
            : Task.FromResult(Result<OrderRedemption>.Fail(plan.Errors));
    }

    public Task<Result<OrderRedemption>> ConfirmAsync(string reservationId, Idempotent<OrderRedemption>? idempotency, CancellationToken ct) =>
        RunAsync(reservationId, (record, now) => record is null
            ? LedgerRefusals.NoReservation(reservationId)
            : LedgerPlanner.Confirm(record.Order, record.Version, now, clock), idempotency, static p => p.After, ct);

    public Task<Result<OrderRedemption>> ReleaseAsync(string reservationId, Idempotent<OrderRedemption>? idempotency, CancellationToken ct) =>
        RunAsync(reservationId, (record, now) => record is null
            ? LedgerRefusals.NoReservation(reservationId)
            : LedgerPlanner.Release(record.Order, record.Version, now, clock), idempotency, static p => p.After, ct);

    public Task<Result<Reversal>> ReverseAsync(ReverseCommand command, Idempotent<Reversal>? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return RunAsync(command.RedemptionId, (record, now) => record is null
            ? LedgerRefusals.NoRedemption(command.RedemptionId)
            : LedgerPlanner.Reverse(record.Order, record.Version, command, now, clock), idempotency, static p => p.Reversal!, ct);
    }

    /// <summary>Expires a hold whose time is up; false when it was confirmed, released or expired first.</summary>
    private async Task<bool> ExpireAsync(string id, CancellationToken ct)
    {
        var result = await RunAsync<OrderRedemption>(id, (record, now) =>
            record is not null && LedgerPlanner.Expire(record.Order, record.Version, now, clock) is { } plan
                ? plan
                : new DomainError(RedemptionRejections.ReservationNotFound, "Not a hold past its time."), null, static p => p.After, ct);
        return result.IsSuccess;
    }

    /// <summary>
    /// Plans and applies one change: <paramref name="id"/> names the stored redemption the plan is made from (read
    /// strongly consistent at every attempt), null for a new one. A plan that answers a refusal once applied
    /// (<see cref="LedgerPlan.ThenRefuse"/>) commits without the idempotency completion, so a retry is answered anew.
    /// </summary>
    private async Task<Result<T>> RunAsync<T>(
        string? id, Func<LedgerRecord?, DateTimeOffset, Result<LedgerPlan>> planner, Idempotent<T>? idempotency,
        Func<LedgerPlan, T> value, CancellationToken ct)
    {
        var learned = new PlanLearning();
        LedgerRecord? current = null;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var record = id is null ? null : current ?? await ReadAsync(id, ct);
            var plan = planner(record, clock.GetUtcNow());
            if (!plan.IsSuccess)
            {
                return Result<T>.Fail(plan.Errors);
            }

            var transaction = new PlanTransaction(dynamo, _table, layout, plan.Value, record, learned, clock);
            var completion = plan.Value.ThenRefuse is null ? idempotency : null;
            List<TransactWriteItem> items = await transaction.BuildAsync(completion?.Render(value(plan.Value)), completion?.Lease, ct);
            var cancellation = await WriteAsync(items, ct);
            if (cancellation is null)
            {
                return plan.Value.ThenRefuse is { } refusal ? refusal : value(plan.Value);
            }

            var settled = await transaction.SettleAsync(cancellation, ct);
            if (settled.Refusal is { } refused)
            {
                return refused;
            }

            current = settled.Current;
        }

        throw new InvalidOperationException($"The change of {id ?? "a new redemption"} did not settle in {MaxAttempts} attempts; every attempt was refused by a concurrent change.");
    }
}
