using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Codes;

/// <summary>
/// Promo codes in SQLite, keyed by the normalized code (the key makes codes unique across promotions),
/// with an index by promotion and id for lists and exports.
/// </summary>
internal sealed class SqliteCodeStore(SqliteDatabase database) : ICodeStore
{
    private const string Columns = "code, id, promotion_id, uses, max_uses, active, expires_at, assigned_customer_id";
    private const int ExportChunk = 1000;

    public Task<CodeInsertResult> InsertAsync(IReadOnlyList<PromoCode> codes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0)
        {
            return Task.FromResult(new CodeInsertResult(0, []));
        }

        return database.WriteAsync((connection, transaction) => Task.FromResult(InsertBatch(connection, transaction, codes, ct)), ct);
    }

    public async Task<PromoCode?> FindAsync(string normalizedCode, CancellationToken ct)
    {
        var found = await QueryAsync(new SqlConditions().Equal("code", normalizedCode), 1, ct);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<Page<PromoCode>> ListAsync(string promotionId, ListQuery page, CancellationToken ct)
    {
        var fetch = Paging.FetchSize(page);
        var rows = await QueryAsync(ByPromotion(promotionId, page.After), fetch, ct);
        return Paging.ToPage(rows, page.Limit, c => c.Id);
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

    // One prepared statement, rebound per row: the cost per code is one sqlite3_step. OR IGNORE makes a
    // refused row report 0 changes, which is how duplicates (stored ones and repeats in the batch) are found.
    private static CodeInsertResult InsertBatch(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<PromoCode> codes, CancellationToken ct)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT OR IGNORE INTO codes ({Columns}) VALUES ($code, $id, $promotion, $uses, $max, $active, $expires, $customer);";
        var code = insert.Parameters.Add("$code", SqliteType.Text);
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var promotion = insert.Parameters.Add("$promotion", SqliteType.Text);
        var uses = insert.Parameters.Add("$uses", SqliteType.Integer);
        var max = insert.Parameters.Add("$max", SqliteType.Integer);
        var active = insert.Parameters.Add("$active", SqliteType.Integer);
        var expires = insert.Parameters.Add("$expires", SqliteType.Integer);
        var customer = insert.Parameters.Add("$customer", SqliteType.Text);
        insert.Prepare();

        var inserted = 0;
        List<string>? duplicates = null;
        for (var i = 0; i < codes.Count; i++)
        {
            if ((i & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }

            var row = codes[i];
            code.Value = row.Code;
            id.Value = row.Id;
            promotion.Value = row.PromotionId;
            uses.Value = row.Uses;
            max.Value = row.MaxUses;
            active.Value = row.Active;
            expires.Value = SqlTime.ToDb(row.ExpiresAt);
            customer.Value = (object?)row.AssignedCustomerId ?? DBNull.Value;
            if (insert.ExecuteNonQuery() == 1)
            {
                inserted++;
            }
            else
            {
                (duplicates ??= []).Add(row.Code);
            }
        }

        return new CodeInsertResult(inserted, (IReadOnlyList<string>?)duplicates ?? []);
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
