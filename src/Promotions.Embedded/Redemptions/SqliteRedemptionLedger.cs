using Microsoft.Data.Sqlite;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Redemptions;

/// <summary>
/// The redemption ledger on SQLite. Every decision is <see cref="LedgerPlanner"/>'s; this only applies a plan, as
/// one <c>BEGIN IMMEDIATE</c> transaction: conditional UPDATEs decide each limit by the rows they change (never by an
/// earlier SELECT), a refusal rolls back to the savepoint taken at the start so a refused change leaves no trace, and
/// the record, its reversal, its outbox events and the idempotency completion commit with the counters or not at all.
/// </summary>
internal sealed class SqliteRedemptionLedger(SqliteDatabase storage, TimeProvider clock) : IRedemptionLedger
{
    private const string Savepoint = "ledger";

    public Task<Result<OrderRedemption>> RedeemAsync(RedeemCommand command, Idempotent<OrderRedemption>? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        var plan = LedgerPlanner.Redeem(command, clock.GetUtcNow(), clock);
        if (!plan.IsSuccess)
        {
            return Task.FromResult(Result<OrderRedemption>.Fail(plan.Errors));
        }

        return storage.WriteAsync((connection, transaction) =>
            ApplyAsync(connection, transaction, plan.Value, idempotency, static p => p.After, ct), ct);
    }

    public Task<Result<OrderRedemption>> ConfirmAsync(string reservationId, Idempotent<OrderRedemption>? idempotency, CancellationToken ct) =>
        ChangeAsync(reservationId, LedgerRefusals.NoReservation, (stored, version, now) => LedgerPlanner.Confirm(stored, version, now, clock),
            idempotency, static p => p.After, ct);

    public Task<Result<OrderRedemption>> ReleaseAsync(string reservationId, Idempotent<OrderRedemption>? idempotency, CancellationToken ct) =>
        ChangeAsync(reservationId, LedgerRefusals.NoReservation, (stored, version, now) => LedgerPlanner.Release(stored, version, now, clock),
            idempotency, static p => p.After, ct);

    public Task<Result<Reversal>> ReverseAsync(ReverseCommand command, Idempotent<Reversal>? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ChangeAsync(command.RedemptionId, LedgerRefusals.NoRedemption,
            (stored, version, now) => LedgerPlanner.Reverse(stored, version, command, now, clock), idempotency, static p => p.Reversal!, ct);
    }

    public Task<int> ExpireDueAsync(int limit, CancellationToken ct) =>
        storage.WriteAsync(async (connection, transaction) =>
        {
            var expired = 0;
            var now = clock.GetUtcNow();
            foreach (var id in await RedemptionRows.DueHoldsAsync(connection, transaction, now.UtcTicks, limit, ct))
            {
                if (await RedemptionRows.ReadAsync(connection, transaction, id, ct) is { } stored
                    && LedgerPlanner.Expire(stored.Order, stored.Version, now, clock) is { } plan
                    && (await ApplyAsync<OrderRedemption>(connection, transaction, plan, null, static p => p.After, ct)).IsSuccess)
                {
                    expired++;
                }
            }

            return expired;
        }, ct);

    public async Task<OrderRedemption?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await storage.OpenAsync(ct);
        return (await RedemptionRows.ReadAsync(connection, null, id, ct))?.Order;
    }

    public async Task<IReadOnlyList<OrderRedemption>> ListByOrderAsync(string orderId, int limit, CancellationToken ct)
    {
        await using var connection = await storage.OpenAsync(ct);
        return await RedemptionRows.ByOrderAsync(connection, orderId, limit, ct);
    }

    public async Task<IReadOnlyList<OrderRedemption>> ListByCodeAsync(string normalizedCode, int limit, CancellationToken ct)
    {
        await using var connection = await storage.OpenAsync(ct);
        return await RedemptionRows.ByCodeAsync(connection, normalizedCode, limit, ct);
    }

    public async Task<LedgerUsage> GetUsageAsync(string promotionId, string? customerId, string? campaignId, CancellationToken ct)
    {
        await using var connection = await storage.OpenAsync(ct);
        var promotion = await LedgerCounters.ReadAsync(connection, LedgerKeys.Promotion(promotionId), ct);
        var customer = customerId is null ? 0 : await LedgerCounters.ReadAsync(connection, LedgerKeys.Customer(promotionId, customerId), ct);
        var spent = 0m;
        if (campaignId is not null)
        {
            using var read = connection.Command(null, "SELECT used, currency FROM redemption_counters WHERE key = $key;");
            read.Parameters.AddWithValue("$key", LedgerKeys.Budget(campaignId));
            await using var reader = await read.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct) && !reader.IsDBNull(1))
            {
                spent = Money.FromMinor(reader.GetInt64(0), reader.GetString(1));
            }
        }

        return new LedgerUsage(promotion, customer, spent);
    }

    public async Task<UsageCounts> GetUsageBatchAsync(UsageQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.IsEmpty)
        {
            return UsageCounts.Empty;
        }

        await using var connection = await storage.OpenAsync(ct);
        return await LedgerUsageReads.ReadAsync(connection, query, ct);
    }

    /// <summary>Reads the stored redemption, plans the change from it and applies the plan, in one transaction.</summary>
    private Task<Result<T>> ChangeAsync<T>(
        string id, Func<string, DomainError> missing, Func<OrderRedemption, long, DateTimeOffset, Result<LedgerPlan>> planner,
        Idempotent<T>? idempotency, Func<LedgerPlan, T> value, CancellationToken ct) =>
        storage.WriteAsync(async (connection, transaction) =>
        {
            if (await RedemptionRows.ReadAsync(connection, transaction, id, ct) is not { } stored)
            {
                return missing(id);
            }

            var plan = planner(stored.Order, stored.Version, clock.GetUtcNow());
            if (!plan.IsSuccess)
            {
                return Result<T>.Fail(plan.Errors);
            }

            if (plan.Value.ThenRefuse is { } refusal)
            {
                // A hold found past its time is expired, and that is committed; the request is refused.
                await ApplyAsync<T>(connection, transaction, plan.Value, null, value, ct);
                return refusal;
            }

            return await ApplyAsync(connection, transaction, plan.Value, idempotency, value, ct);
        }, ct);

    /// <summary>Applies <paramref name="plan"/> inside the write transaction, or rolls back whatever it changed.</summary>
    private async Task<Result<T>> ApplyAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, LedgerPlan plan, Idempotent<T>? idempotency,
        Func<LedgerPlan, T> value, CancellationToken ct)
    {
        await transaction.SaveAsync(Savepoint, ct);
        var result = await TryApplyAsync(connection, transaction, plan, idempotency, value, ct);
        if (!result.IsSuccess)
        {
            await transaction.RollbackAsync(Savepoint, ct);
        }

        await transaction.ReleaseAsync(Savepoint, ct);
        return result;
    }

    private async Task<Result<T>> TryApplyAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, LedgerPlan plan, Idempotent<T>? idempotency,
        Func<LedgerPlan, T> value, CancellationToken ct)
    {
        var events = new List<DomainEvent>(plan.Events);
        foreach (var change in plan.Changes)
        {
            if (await ApplyAsync(connection, transaction, change, events, ct) is { } refusal)
            {
                return plan.Refusal(change, refusal);
            }
        }

        if (plan.ExpectedVersion is { } version)
        {
            if (!await RedemptionRows.TryUpdateAsync(connection, transaction, plan.After, plan.ExpectedStatus, version, ct))
            {
                // Only writes in this transaction change a row, and it read the row first: a bug, not a race.
                throw new InvalidOperationException($"Redemption {plan.After.Id} changed inside its own write transaction.");
            }
        }
        else
        {
            await RedemptionRows.InsertAsync(connection, transaction, plan.After, ct);
        }

        if (plan.Reversal is { } reversal)
        {
            await RedemptionRows.InsertReversalAsync(connection, transaction, reversal, ct);
        }

        foreach (var domainEvent in events)
        {
            await OutboxRows.AppendAsync(connection, transaction, domainEvent, ct);
        }

        var result = value(plan);
        if (idempotency is not null
            && !await IdempotencyRows.CompleteAsync(connection, transaction, idempotency.Lease, idempotency.Render(result), ct))
        {
            return LedgerRefusals.Of(RedemptionRejections.IdempotencyInProgress);
        }

        return result;
    }

    /// <summary>One change; the refusal code when its limit refused it.</summary>
    private async Task<string?> ApplyAsync(
        SqliteConnection connection, SqliteTransaction transaction, LedgerChange change, List<DomainEvent> events, CancellationToken ct)
    {
        switch (change)
        {
            case UseCode use:
                return await LedgerCounters.UseCodeAsync(connection, transaction, use, ct);
            case ReturnCode giveBack:
                await LedgerCounters.ReturnCodeAsync(connection, transaction, giveBack.Code, ct);
                return null;
            case CountChange { Delta: > 0 } count:
                return await LedgerCounters.TryAddAsync(connection, transaction, KeyOf(count), count.Delta, count.Cap, null, ct) is null
                    ? count.Refusal
                    : null;
            case CountChange count:
                await LedgerCounters.SubtractAsync(connection, transaction, KeyOf(count), -count.Delta, ct);
                return null;
            case BudgetChange { AmountMinor: >= 0 } charge:
                if (await LedgerCounters.TryAddAsync(connection, transaction, LedgerKeys.Budget(charge.CampaignId), charge.AmountMinor, charge.CapMinor,
                        charge.Currency, ct) is not { } after)
                {
                    return RedemptionRejections.BudgetExhausted;
                }

                events.AddRange(RedemptionEvents.ThresholdsCrossed(
                    charge.CampaignId, after - charge.AmountMinor, after, charge.CapMinor!.Value, charge.Currency, clock));
                return null;
            case BudgetChange giveBack:
                await LedgerCounters.SubtractAsync(connection, transaction, LedgerKeys.Budget(giveBack.CampaignId), -giveBack.AmountMinor, ct);
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change, "Not a ledger change.");
        }
    }

    private static string KeyOf(CountChange count) => count.Kind switch
    {
        CounterKind.Promotion => LedgerKeys.Promotion(count.PromotionId),
        CounterKind.Customer => LedgerKeys.Customer(count.PromotionId, count.CustomerId!),
        CounterKind.PromotionPeriod => LedgerKeys.Period(count.PromotionId, count.Period!),
        _ => LedgerKeys.CustomerPeriod(count.PromotionId, count.Period!, count.CustomerId!),
    };
}
