using System.Runtime.CompilerServices;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Codes;

/// <summary>
/// Promo codes in SQLite, keyed by the normalized code (the key makes codes unique across promotions),
/// with an index by promotion and id for lists and exports. A batch and its <c>codes_generated</c> event are one
/// transaction.
/// </summary>
internal sealed class SqliteCodeStore(SqliteDatabase database, TimeProvider clock) : ICodeStore
{
    private const string Columns = "code, id, promotion_id, uses, max_uses, active, expires_at, assigned_customer_id";
    private const int ExportChunk = 1000;

    public Task<CodeInsertResult> InsertAsync(string jobId, IReadOnlyList<PromoCode> codes, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        if (CodeBatch.PromotionOf(codes) is not { } promotionId)
        {
            return Task.FromResult(new CodeInsertResult(0, []));
        }

        return database.WriteAsync(async (connection, transaction) =>
        {
            var result = CodeBatchInsert.Run(connection, codes, ct);
            if (result.Inserted > 0)
            {
                await OutboxRows.AppendAsync(connection, transaction, CatalogEvents.CodesGenerated(promotionId, jobId, result.Inserted, clock), ct);
            }

            return result;
        }, ct);
    }

    public async Task<PromoCode?> FindAsync(string normalizedCode, CancellationToken ct)
    {
        var found = await QueryAsync(new SqlConditions().Equal("code", normalizedCode), 1, ct);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<Page<PromoCode>> ListAsync(string promotionId, ListQuery page, CancellationToken ct)
    {
        var fetch = Pages.FetchSize(page);
        var rows = await QueryAsync(ByPromotion(promotionId, page.After), fetch, ct);
        return Pages.ToPage(rows, page.Limit, c => c.Id);
    }

    public async Task<long> CountAsync(string promotionId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM codes WHERE promotion_id = $promotion;";
        command.Parameters.AddWithValue("$promotion", promotionId);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>Streams in chunks, each its own short query, so a slow reader never holds a connection or a snapshot.</summary>
    public async IAsyncEnumerable<PromoCode> ExportAsync(string promotionId, [EnumeratorCancellation] CancellationToken ct)
    {
        string? after = null;
        while (true)
        {
            var chunk = await QueryAsync(ByPromotion(promotionId, after), ExportChunk, ct);
            foreach (var code in chunk)
            {
                yield return code;
            }

            if (chunk.Count < ExportChunk)
            {
                yield break;
            }

            after = chunk[^1].Id;
        }
    }

    private static SqlConditions ByPromotion(string promotionId, string? after) =>
        new SqlConditions().Equal("promotion_id", promotionId).Add("id > {0}", after);

    private async Task<List<PromoCode>> QueryAsync(SqlConditions where, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM codes WHERE {where.Sql} ORDER BY promotion_id, id LIMIT {limit};";
        where.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var codes = new List<PromoCode>();
        while (await reader.ReadAsync(ct))
        {
            codes.Add(new PromoCode(
                Id: reader.GetString(1),
                PromotionId: reader.GetString(2),
                Code: reader.GetString(0),
                Uses: reader.GetInt32(3),
                MaxUses: reader.GetInt32(4),
                Active: reader.GetBoolean(5),
                ExpiresAt: SqlTime.FromDb(reader.GetValue(6)),
                AssignedCustomerId: reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return codes;
    }
}
