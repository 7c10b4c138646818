using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Plans;

/// <summary>
/// Code distributions in SQLite: a batch checks, under the write lock of its <c>BEGIN IMMEDIATE</c> transaction, the
/// distribution's batch count, that every code is still free and that no customer holds a claim on the pool, and only
/// then assigns the codes, inserts the claims, writes the progress and the event: all of it or nothing.
/// </summary>
internal sealed class SqliteCodeDistributionStore(SqliteDatabase database) : ICodeDistributionStore
{
    private const string FreeCondition =
        "assigned_customer_id IS NULL AND uses = 0 AND active = 1 AND (expires_at IS NULL OR expires_at > $now)";

    public async Task<IReadOnlyList<DistributionProgress>> ListAsync(string campaignId, long revision, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var command = connection.Command(null,
            "SELECT doc FROM code_distributions WHERE campaign_id = $campaign AND revision = $revision ORDER BY step_index, change_index;");
        command.Parameters.AddWithValue("$campaign", campaignId);
        command.Parameters.AddWithValue("$revision", revision);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var found = new List<DistributionProgress>();
        while (await reader.ReadAsync(ct))
        {
            found.Add(JsonSerializer.Deserialize(reader.GetString(0), DocumentJson.Default.DistributionProgress)!);
        }

        return found;
    }

    public async Task<IReadOnlyList<PromoCode>> FreeCodesAsync(string promotionId, string? afterId, int limit, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var command = connection.Command(null,
            $"SELECT code, id, expires_at FROM codes WHERE promotion_id = $promotion AND id > $after AND {FreeCondition} ORDER BY promotion_id, id LIMIT $limit;");
        command.Parameters.AddWithValue("$promotion", promotionId);
        command.Parameters.AddWithValue("$after", afterId ?? "");
        command.Parameters.AddWithValue("$now", now.UtcTicks);
        command.Parameters.AddWithValue("$limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var codes = new List<PromoCode>();
        while (await reader.ReadAsync(ct))
        {
            codes.Add(new PromoCode(reader.GetString(1), promotionId, reader.GetString(0), 0, 1, true, SqlTime.FromDb(reader.GetValue(2))));
        }

        return codes;
    }

    public async Task<IReadOnlySet<string>> ClaimedAsync(string promotionId, IReadOnlyList<string> customerIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await database.OpenAsync(ct);
        using var command = connection.Command(null, """
            SELECT customer_id FROM distributed_codes
            WHERE promotion_id = $promotion AND customer_id IN (SELECT value FROM json_each($customers));
            """);
        command.Parameters.AddWithValue("$promotion", promotionId);
        command.Parameters.AddWithValue("$customers", JsonSerializer.Serialize(customerIds, DocumentJson.Default.IReadOnlyListString));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(reader.GetString(0));
        }

        return claimed;
    }

    public Task<bool> WriteBatchAsync(DistributionBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var progress = batch.Progress;
        return database.WriteAsync(async (connection, transaction) =>
        {
            // Every condition is checked first, under the write lock: every write below then succeeds.
            if (!await ExpectedAsync(connection, transaction, batch, ct))
            {
                return false;
            }

            foreach (var given in batch.Codes)
            {
                if (!await FreeAsync(connection, transaction, progress, given, ct))
                {
                    return false;
                }
            }

            foreach (var given in batch.Codes)
            {
                var assign = connection.Reusable(transaction, "UPDATE codes SET assigned_customer_id = $customer WHERE code = $code;");
                assign.Parameters.AddWithValue("$customer", given.CustomerId);
                assign.Parameters.AddWithValue("$code", given.Code);
                await assign.ExecuteNonQueryAsync(ct);
                var claim = connection.Reusable(transaction, """
                    INSERT INTO distributed_codes (promotion_id, customer_id, code, campaign_id, revision, step_index, change_index, batch)
                    VALUES ($promotion, $customer, $code, $campaign, $revision, $step, $change, $batch);
                    """);
                Bind(claim, progress);
                claim.Parameters.AddWithValue("$promotion", progress.PromotionId);
                claim.Parameters.AddWithValue("$customer", given.CustomerId);
                claim.Parameters.AddWithValue("$code", given.Code);
                claim.Parameters.AddWithValue("$batch", progress.Batches);
                await claim.ExecuteNonQueryAsync(ct);
            }

            using var write = connection.Command(transaction, """
                INSERT INTO code_distributions (campaign_id, revision, step_index, change_index, batches, state, doc)
                VALUES ($campaign, $revision, $step, $change, $batches, $state, $doc)
                ON CONFLICT (campaign_id, revision, step_index, change_index) DO UPDATE SET batches = excluded.batches, state = excluded.state, doc = excluded.doc;
                """);
            Bind(write, progress);
            write.Parameters.AddWithValue("$batches", progress.Batches);
            write.Parameters.AddWithValue("$state", progress.State.ToString());
            write.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(progress, DocumentJson.Default.DistributionProgress));
            await write.ExecuteNonQueryAsync(ct);
            if (batch.Event is { } distributed)
            {
                await OutboxRows.AppendAsync(connection, transaction, distributed, ct);
            }

            return true;
        }, ct);
    }

    // No progress yet when none is expected; otherwise the batch count read, still running.
    private static async Task<bool> ExpectedAsync(SqliteConnection connection, SqliteTransaction transaction, DistributionBatch batch, CancellationToken ct)
    {
        using var command = connection.Command(transaction,
            "SELECT batches, state FROM code_distributions WHERE campaign_id = $campaign AND revision = $revision AND step_index = $step AND change_index = $change;");
        Bind(command, batch.Progress);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return batch.ExpectedBatches == 0;
        }

        return batch.ExpectedBatches > 0 && reader.GetInt32(0) == batch.ExpectedBatches
            && reader.GetString(1) == nameof(DistributionState.Running);
    }

    private static async Task<bool> FreeAsync(
        SqliteConnection connection, SqliteTransaction transaction, DistributionProgress progress, DistributedCode given, CancellationToken ct)
    {
        var code = connection.Reusable(transaction, $"SELECT 1 FROM codes WHERE code = $code AND promotion_id = $promotion AND {FreeCondition};");
        code.Parameters.AddWithValue("$code", given.Code);
        code.Parameters.AddWithValue("$promotion", progress.PromotionId);
        code.Parameters.AddWithValue("$now", progress.UpdatedAt.UtcTicks);
        if (await code.ExecuteScalarAsync(ct) is null)
        {
            return false;
        }

        var claim = connection.Reusable(transaction, "SELECT 1 FROM distributed_codes WHERE promotion_id = $promotion AND customer_id = $customer;");
        claim.Parameters.AddWithValue("$promotion", progress.PromotionId);
        claim.Parameters.AddWithValue("$customer", given.CustomerId);
        return await claim.ExecuteScalarAsync(ct) is null;
    }

    private static void Bind(SqliteCommand command, DistributionProgress progress)
    {
        command.Parameters.AddWithValue("$campaign", progress.CampaignId);
        command.Parameters.AddWithValue("$revision", progress.Revision);
        command.Parameters.AddWithValue("$step", progress.StageIndex);
        command.Parameters.AddWithValue("$change", progress.ChangeIndex);
    }
}
