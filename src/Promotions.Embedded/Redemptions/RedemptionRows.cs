using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Redemptions;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Redemptions;

/// <summary>Redemption and reversal rows: the document plus the columns the ledger's conditions and scans need.</summary>
internal static class RedemptionRows
{
    /// <summary>
    /// Inserts an order's redemption; <c>promotion_id</c> and <c>customer_id</c> are those of its first part (the
    /// columns predate whole-cart redemptions; the document holds every part).
    /// </summary>
    public static async Task InsertAsync(SqliteConnection connection, SqliteTransaction transaction, OrderRedemption redemption, CancellationToken ct)
    {
        var insert = connection.Reusable(transaction, """
            INSERT INTO redemptions (id, version, status, promotion_id, customer_id, expires_at, doc, order_id, redeemed_at)
            VALUES ($id, 1, $status, $promotion, $customer, $expires, $doc, $order, $redeemedAt);
            """);
        insert.Parameters.AddWithValue("$id", redemption.Id);
        insert.Parameters.AddWithValue("$promotion", redemption.Redemptions[0].PromotionId);
        insert.Parameters.AddWithValue("$customer", (object?)redemption.CustomerId ?? DBNull.Value);
        insert.Parameters.AddWithValue("$order", redemption.OrderId);
        insert.Parameters.AddWithValue("$redeemedAt", redemption.RedeemedAt.UtcTicks);
        BindState(insert, redemption);
        await insert.ExecuteNonQueryAsync(ct);
        foreach (var code in redemption.Redemptions.Select(static p => p.Code).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            var link = connection.Reusable(transaction,
                "INSERT INTO redemption_codes (code, redeemed_at, redemption_id) VALUES ($code, $redeemedAt, $id);");
            link.Parameters.AddWithValue("$code", code);
            link.Parameters.AddWithValue("$redeemedAt", redemption.RedeemedAt.UtcTicks);
            link.Parameters.AddWithValue("$id", redemption.Id);
            await link.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The redemptions of an order id, newest first.</summary>
    public static Task<List<OrderRedemption>> ByOrderAsync(SqliteConnection connection, string orderId, int limit, CancellationToken ct) =>
        ListAsync(connection, "SELECT id, doc FROM redemptions WHERE order_id = $key ORDER BY redeemed_at DESC, id DESC LIMIT $limit;",
            orderId, limit, ct);

    /// <summary>The redemptions that used a normalized code, newest first.</summary>
    public static Task<List<OrderRedemption>> ByCodeAsync(SqliteConnection connection, string code, int limit, CancellationToken ct) =>
        ListAsync(connection, """
            SELECT r.id, r.doc FROM redemption_codes c JOIN redemptions r ON r.id = c.redemption_id
            WHERE c.code = $key ORDER BY c.redeemed_at DESC, c.redemption_id DESC LIMIT $limit;
            """, code, limit, ct);

    private static async Task<List<OrderRedemption>> ListAsync(SqliteConnection connection, string sql, string key, int limit, CancellationToken ct)
    {
        using var read = connection.Command(null, sql);
        read.Parameters.AddWithValue("$key", key);
        read.Parameters.AddWithValue("$limit", limit);
        await using var reader = await read.ExecuteReaderAsync(ct);
        var found = new List<OrderRedemption>();
        while (await reader.ReadAsync(ct))
        {
            found.Add(LedgerJson.Read(reader.GetString(1), reader.GetString(0)));
        }

        return found;
    }

    /// <summary>Replaces the row if it is still at <paramref name="expectedVersion"/> (and in <paramref name="expectedStatus"/>, when given).</summary>
    public static async Task<bool> TryUpdateAsync(
        SqliteConnection connection, SqliteTransaction transaction, OrderRedemption redemption,
        RedemptionStatus? expectedStatus, long expectedVersion, CancellationToken ct)
    {
        var update = connection.Reusable(transaction, """
            UPDATE redemptions SET version = version + 1, status = $status, expires_at = $expires, doc = $doc
            WHERE id = $id AND ($expectedStatus IS NULL OR status = $expectedStatus) AND version = $expectedVersion;
            """);
        update.Parameters.AddWithValue("$id", redemption.Id);
        update.Parameters.AddWithValue("$expectedStatus", (object?)expectedStatus?.ToString() ?? DBNull.Value);
        update.Parameters.AddWithValue("$expectedVersion", expectedVersion);
        BindState(update, redemption);
        return await update.ExecuteNonQueryAsync(ct) == 1;
    }

    public static async Task<StoredRedemption?> ReadAsync(SqliteConnection connection, SqliteTransaction? transaction, string id, CancellationToken ct)
    {
        using var read = connection.Command(transaction, "SELECT version, doc FROM redemptions WHERE id = $id;");
        read.Parameters.AddWithValue("$id", id);
        await using var reader = await read.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new StoredRedemption(LedgerJson.Read(reader.GetString(1), id), reader.GetInt64(0));
    }

    /// <summary>Ids of holds whose expiry is at or before <paramref name="now"/>, soonest first.</summary>
    public static async Task<List<string>> DueHoldsAsync(
        SqliteConnection connection, SqliteTransaction transaction, long now, int limit, CancellationToken ct)
    {
        using var due = connection.Command(transaction,
            "SELECT id FROM redemptions WHERE status = 'Reserved' AND expires_at <= $now ORDER BY expires_at LIMIT $limit;");
        due.Parameters.AddWithValue("$now", now);
        due.Parameters.AddWithValue("$limit", limit);
        await using var reader = await due.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public static async Task InsertReversalAsync(SqliteConnection connection, SqliteTransaction transaction, Reversal reversal, CancellationToken ct)
    {
        using var insert = connection.Command(transaction,
            "INSERT INTO redemption_reversals (id, redemption_id, doc) VALUES ($id, $redemption, $doc);");
        insert.Parameters.AddWithValue("$id", reversal.Id);
        insert.Parameters.AddWithValue("$redemption", reversal.RedemptionId);
        insert.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(reversal, LedgerJson.Default.Reversal));
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static void BindState(SqliteCommand command, OrderRedemption redemption)
    {
        command.Parameters.AddWithValue("$status", redemption.Status.ToString());
        command.Parameters.AddWithValue("$expires", SqlTime.ToDb(redemption.ExpiresAt));
        command.Parameters.AddWithValue("$doc", LedgerJson.Write(redemption));
    }
}

/// <summary>An order's redemption as stored, with the row version its conditional updates compare against.</summary>
internal sealed record StoredRedemption(OrderRedemption Order, long Version);
