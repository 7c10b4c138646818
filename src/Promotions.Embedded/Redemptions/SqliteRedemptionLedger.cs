using Microsoft.Data.Sqlite;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Redemptions;

/// <summary>
/// The redemption ledger on SQLite. Every operation is one <c>BEGIN IMMEDIATE</c> transaction: conditional
/// UPDATEs decide each limit by the rows they change; a refusal rolls back to the savepoint taken at the start,
/// so a refused redemption leaves no trace; the record, its outbox events and the idempotency completion commit
/// with the counters or not at all.
/// </summary>
internal sealed class SqliteRedemptionLedger(SqliteDatabase storage, TimeProvider clock) : IRedemptionLedger
{
    private const string Savepoint = "ledger";

    public Task<Result<Redemption>> RedeemAsync(RedeemCommand command, Idempotent<Redemption>? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return storage.WriteAsync((connection, transaction) =>
            AtomicallyAsync(transaction, () => RecordAsync(connection, transaction, command, idempotency, ct), ct), ct);
    }

    public Task<Result<Redemption>> ConfirmAsync(string reservationId, Idempotent<Redemption>? idempotency, CancellationToken ct) =>
        storage.WriteAsync(async (connection, transaction) =>
        {
            var hold = await LiveHoldAsync(connection, transaction, reservationId, ct);
            if (!hold.IsSuccess)
            {
                return Result<Redemption>.Fail(hold.Errors);
            }

            var stored = hold.Value;
            var confirmed = stored.Redemption with { Status = RedemptionStatus.Confirmed, ExpiresAt = null, UpdatedAt = clock.GetUtcNow() };
            return await AtomicallyAsync(transaction, async () =>
            {
                if (!await RedemptionRows.TryUpdateAsync(connection, transaction, confirmed, RedemptionStatus.Reserved, stored.Version, ct))
                {
                    return LedgerRefusals.NoReservation(reservationId);
                }

                await OutboxRows.AppendAsync(connection, transaction, RedemptionEvents.Recorded(confirmed, clock), ct);
                return await CompleteAsync(connection, transaction, idempotency, confirmed, ct);
            }, ct);
        }, ct);

    public Task<Result<Redemption>> ReleaseAsync(string reservationId, Idempotent<Redemption>? idempotency, CancellationToken ct) =>
        storage.WriteAsync(async (connection, transaction) =>
        {
            var hold = await LiveHoldAsync(connection, transaction, reservationId, ct);
            if (!hold.IsSuccess)
            {
                return Result<Redemption>.Fail(hold.Errors);
            }

            var stored = hold.Value;
            var released = stored.Redemption with { Status = RedemptionStatus.Released, UpdatedAt = clock.GetUtcNow() };
            return await AtomicallyAsync(transaction, async () =>
            {
                if (!await RedemptionRows.TryUpdateAsync(connection, transaction, released, RedemptionStatus.Reserved, stored.Version, ct))
                {
                    return LedgerRefusals.NoReservation(reservationId);
                }

                await GiveBackAsync(connection, transaction, released, released.DiscountAmount, uses: true, ct);
                await OutboxRows.AppendAsync(connection, transaction, RedemptionEvents.Released(released, clock), ct);
                return await CompleteAsync(connection, transaction, idempotency, released, ct);
            }, ct);
        }, ct);

    public Task<Result<Reversal>> ReverseAsync(ReverseCommand command, Idempotent<Reversal>? idempotency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(command);
        return storage.WriteAsync(async (connection, transaction) =>
        {
            var stored = await RedemptionRows.ReadAsync(connection, transaction, command.RedemptionId, ct);
            if (stored is null)
            {
                return LedgerRefusals.NoRedemption(command.RedemptionId);
            }

            var plan = ReversalPlanner.Plan(stored.Redemption, command.Lines);
            if (!plan.IsSuccess)
            {
                return Result<Reversal>.Fail(plan.Errors);
            }

            var now = clock.GetUtcNow();
            var after = plan.Value.After with { UpdatedAt = now };
            var reversal = new Reversal(command.ReversalId, after.Id, plan.Value.Amount, after.Currency, plan.Value.Full, plan.Value.Lines, now, after);
            return await AtomicallyAsync(transaction, async () =>
            {
                if (!await RedemptionRows.TryUpdateAsync(connection, transaction, after, stored.Redemption.Status, stored.Version, ct))
                {
                    return new DomainError(RedemptionRejections.NothingToReverse, "The redemption changed while it was being reversed; retry.");
                }

                await GiveBackAsync(connection, transaction, after, reversal.Amount, uses: reversal.Full, ct);
                await RedemptionRows.InsertReversalAsync(connection, transaction, reversal, ct);
                await OutboxRows.AppendAsync(connection, transaction, RedemptionEvents.Reversed(reversal, clock), ct);
                return await CompleteAsync(connection, transaction, idempotency, reversal, ct);
            }, ct);
        }, ct);
    }

    public Task<int> ExpireDueAsync(int limit, CancellationToken ct) =>
        storage.WriteAsync(async (connection, transaction) =>
        {
            var expired = 0;
            foreach (var id in await RedemptionRows.DueHoldsAsync(connection, transaction, clock.GetUtcNow().UtcTicks, limit, ct))
            {
                if (await RedemptionRows.ReadAsync(connection, transaction, id, ct) is { } stored && await ExpireAsync(connection, transaction, stored, ct))
                {
                    expired++;
                }
            }

            return expired;
        }, ct);

    public async Task<Redemption?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await storage.OpenAsync(ct);
        return (await RedemptionRows.ReadAsync(connection, null, id, ct))?.Redemption;
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

    // A refusal undoes whatever the attempt changed before it, so the commit that follows writes nothing of it.
    private static async Task<Result<T>> AtomicallyAsync<T>(SqliteTransaction transaction, Func<Task<Result<T>>> attempt, CancellationToken ct)
    {
        await transaction.SaveAsync(Savepoint, ct);
        var result = await attempt();
        if (!result.IsSuccess)
        {
            await transaction.RollbackAsync(Savepoint, ct);
        }

        await transaction.ReleaseAsync(Savepoint, ct);
        return result;
    }

    private async Task<Result<Redemption>> RecordAsync(
        SqliteConnection connection, SqliteTransaction transaction, RedeemCommand command, Idempotent<Redemption>? idempotency, CancellationToken ct)
    {
        var redemption = command.Redemption;
        var limits = command.Limits;
        if (redemption.Code is { } code
            && await LedgerCounters.UseCodeAsync(connection, transaction, code, redemption.PromotionId, redemption.CustomerId, clock.GetUtcNow().UtcTicks, ct) is { } codeRefusal)
        {
            return LedgerRefusals.Of(codeRefusal);
        }

        if (await LedgerCounters.TryAddAsync(connection, transaction, LedgerKeys.Promotion(redemption.PromotionId), 1, limits.MaxRedemptions, null, ct) is null)
        {
            return LedgerRefusals.Of(RedemptionRejections.PromotionExhausted);
        }

        if (redemption.CustomerId is { } customer)
        {
            var key = LedgerKeys.Customer(redemption.PromotionId, customer);
            if (await LedgerCounters.TryAddAsync(connection, transaction, key, 1, limits.PerCustomerLimit, null, ct) is null)
            {
                return LedgerRefusals.Of(RedemptionRejections.CustomerLimitReached);
            }
        }
        else if (limits.PerCustomerLimit is not null)
        {
            return LedgerRefusals.Of(RedemptionRejections.CustomerRequired);
        }

        var charged = await ChargeBudgetAsync(connection, transaction, redemption, limits, ct);
        if (!charged.IsSuccess)
        {
            return Result<Redemption>.Fail(charged.Errors);
        }

        var stored = redemption with { BudgetCharged = charged.Value, UpdatedAt = clock.GetUtcNow() };
        await RedemptionRows.InsertAsync(connection, transaction, stored, ct);
        if (stored.Status == RedemptionStatus.Confirmed)
        {
            await OutboxRows.AppendAsync(connection, transaction, RedemptionEvents.Recorded(stored, clock), ct);
        }

        return await CompleteAsync(connection, transaction, idempotency, stored, ct);
    }

    /// <summary>Charges the discount to the campaign budget, if it has one; true when charged.</summary>
    private async Task<Result<bool>> ChargeBudgetAsync(
        SqliteConnection connection, SqliteTransaction transaction, Redemption redemption, RedemptionLimits limits, CancellationToken ct)
    {
        if (limits.BudgetAmount is not { } budget || redemption.CampaignId is not { } campaign)
        {
            return false;
        }

        if (!string.Equals(limits.BudgetCurrency, redemption.Currency, StringComparison.Ordinal))
        {
            return LedgerRefusals.Of(RedemptionRejections.BudgetCurrencyMismatch);
        }

        var currency = redemption.Currency;
        var amount = Money.ToMinor(redemption.DiscountAmount, currency);
        var cap = Money.ToMinor(budget, currency);
        if (await LedgerCounters.TryAddAsync(connection, transaction, LedgerKeys.Budget(campaign), amount, cap, currency, ct) is not { } after)
        {
            return LedgerRefusals.Of(RedemptionRejections.BudgetExhausted);
        }

        foreach (var crossed in RedemptionEvents.ThresholdsCrossed(campaign, after - amount, after, cap, currency, clock))
        {
            await OutboxRows.AppendAsync(connection, transaction, crossed, ct);
        }

        return true;
    }

    /// <summary>The hold, if it is still live; a hold past its time is expired here and now (and that is committed).</summary>
    private async Task<Result<StoredRedemption>> LiveHoldAsync(
        SqliteConnection connection, SqliteTransaction transaction, string id, CancellationToken ct)
    {
        var stored = await RedemptionRows.ReadAsync(connection, transaction, id, ct);
        if (stored is null)
        {
            return LedgerRefusals.NoReservation(id);
        }

        var hold = stored.Redemption;
        if (hold.Status == RedemptionStatus.Reserved && hold.ExpiresAt <= clock.GetUtcNow())
        {
            await ExpireAsync(connection, transaction, stored, ct);
            return LedgerRefusals.Of(RedemptionRejections.ReservationExpired);
        }

        return hold.Status == RedemptionStatus.Reserved ? stored : LedgerRefusals.NotLive(hold.Status);
    }

    private async Task<bool> ExpireAsync(SqliteConnection connection, SqliteTransaction transaction, StoredRedemption stored, CancellationToken ct)
    {
        var expired = stored.Redemption with { Status = RedemptionStatus.Expired, UpdatedAt = clock.GetUtcNow() };
        if (!await RedemptionRows.TryUpdateAsync(connection, transaction, expired, RedemptionStatus.Reserved, stored.Version, ct))
        {
            return false;
        }

        await GiveBackAsync(connection, transaction, expired, expired.DiscountAmount, uses: true, ct);
        await OutboxRows.AppendAsync(connection, transaction, RedemptionEvents.Expired(expired, clock), ct);
        return true;
    }

    /// <summary>Gives <paramref name="amount"/> back to the budget and, with <paramref name="uses"/>, the code use, cap and quota.</summary>
    private static async Task GiveBackAsync(
        SqliteConnection connection, SqliteTransaction transaction, Redemption redemption, decimal amount, bool uses, CancellationToken ct)
    {
        if (redemption.BudgetCharged && redemption.CampaignId is { } campaign && amount > 0)
        {
            await LedgerCounters.SubtractAsync(connection, transaction, LedgerKeys.Budget(campaign), Money.ToMinor(amount, redemption.Currency), ct);
        }

        if (!uses)
        {
            return;
        }

        await LedgerCounters.SubtractAsync(connection, transaction, LedgerKeys.Promotion(redemption.PromotionId), 1, ct);
        if (redemption.CustomerId is { } customer)
        {
            await LedgerCounters.SubtractAsync(connection, transaction, LedgerKeys.Customer(redemption.PromotionId, customer), 1, ct);
        }

        if (redemption.Code is { } code)
        {
            await LedgerCounters.ReturnCodeAsync(connection, transaction, code, ct);
        }
    }

    private static async Task<Result<T>> CompleteAsync<T>(
        SqliteConnection connection, SqliteTransaction transaction, Idempotent<T>? idempotency, T value, CancellationToken ct)
    {
        if (idempotency is not null
            && !await IdempotencyRows.CompleteAsync(connection, transaction, idempotency.Lease, idempotency.Render(value), ct))
        {
            return LedgerRefusals.Of(RedemptionRejections.IdempotencyInProgress);
        }

        return value;
    }
}
