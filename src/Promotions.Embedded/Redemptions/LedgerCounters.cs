using Microsoft.Data.Sqlite;
using Promotions.Domain.Redemptions;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Redemptions;

/// <summary>
/// The conditional counter updates of the ledger. Each limit is one statement whose condition carries the limit,
/// and whether it applied is read from the rows it changed, never from an earlier SELECT. They run in the write
/// transaction on statements kept prepared between redemptions.
/// </summary>
internal static class LedgerCounters
{
    /// <summary>Adds <paramref name="amount"/> unless that takes the counter past <paramref name="cap"/>; the new value, or null when refused.</summary>
    public static async Task<long?> TryAddAsync(
        SqliteConnection connection, SqliteTransaction transaction, string key, long amount, long? cap, string? currency, CancellationToken ct)
    {
        // A first use creates the row with the amount itself, which the cap must allow too.
        if (amount > cap)
        {
            return null;
        }

        // One statement: the row is created on first use, and otherwise updated only where the cap allows;
        // a refused update returns no row.
        var add = connection.Reusable(transaction, """
            INSERT INTO redemption_counters (key, used, cap, currency) VALUES ($key, $amount, $cap, $currency)
            ON CONFLICT (key) DO UPDATE SET used = used + excluded.used, cap = excluded.cap
            WHERE excluded.cap IS NULL OR used + excluded.used <= excluded.cap
            RETURNING used;
            """);
        add.Parameters.AddWithValue("$key", key);
        add.Parameters.AddWithValue("$amount", amount);
        add.Parameters.AddWithValue("$cap", (object?)cap ?? DBNull.Value);
        add.Parameters.AddWithValue("$currency", (object?)currency ?? DBNull.Value);
        return await add.ExecuteScalarAsync(ct) as long?;
    }

    /// <summary>Gives <paramref name="amount"/> back; the CHECK (used ≥ 0) turns a double give-back into an error, not a silent drift.</summary>
    public static async Task SubtractAsync(SqliteConnection connection, SqliteTransaction transaction, string key, long amount, CancellationToken ct)
    {
        var subtract = connection.Reusable(transaction, "UPDATE redemption_counters SET used = used - $amount WHERE key = $key;");
        subtract.Parameters.AddWithValue("$key", key);
        subtract.Parameters.AddWithValue("$amount", amount);
        await subtract.ExecuteNonQueryAsync(ct);
    }

    public static async Task<long> ReadAsync(SqliteConnection connection, string key, CancellationToken ct)
    {
        using var read = connection.Command(null, "SELECT used FROM redemption_counters WHERE key = $key;");
        read.Parameters.AddWithValue("$key", key);
        return await read.ExecuteScalarAsync(ct) as long? ?? 0;
    }

    /// <summary>
    /// Uses the code once, conditioned on everything about the code itself; when refused, reads the row in the same
    /// transaction for <see cref="UseCode.RefusalFor"/> to say exactly why (an exhausted code is never "unknown").
    /// </summary>
    public static async Task<string?> UseCodeAsync(SqliteConnection connection, SqliteTransaction transaction, UseCode use, CancellationToken ct)
    {
        var now = use.At.UtcTicks;
        var update = connection.Reusable(transaction, """
            UPDATE codes SET uses = uses + 1
            WHERE code = $code AND promotion_id = $promotion AND active = 1 AND uses < max_uses
              AND (expires_at IS NULL OR expires_at > $now)
              AND (assigned_customer_id IS NULL OR assigned_customer_id = $customer);
            """);
        update.Parameters.AddWithValue("$code", use.Code);
        update.Parameters.AddWithValue("$promotion", use.PromotionId);
        update.Parameters.AddWithValue("$now", now);
        update.Parameters.AddWithValue("$customer", (object?)use.CustomerId ?? DBNull.Value);
        if (await update.ExecuteNonQueryAsync(ct) == 1)
        {
            return null;
        }

        using var why = connection.Command(transaction,
            "SELECT promotion_id, active, expires_at, assigned_customer_id FROM codes WHERE code = $code;");
        why.Parameters.AddWithValue("$code", use.Code);
        await using var reader = await why.ExecuteReaderAsync(ct);
        var state = await reader.ReadAsync(ct)
            ? new CodeState(reader.GetString(0), reader.GetBoolean(1), reader.IsDBNull(2) ? null : new DateTimeOffset(reader.GetInt64(2), TimeSpan.Zero),
                reader.IsDBNull(3) ? null : reader.GetString(3))
            : null;
        return use.RefusalFor(state);
    }

    public static async Task ReturnCodeAsync(SqliteConnection connection, SqliteTransaction transaction, string code, CancellationToken ct)
    {
        var giveBack = connection.Reusable(transaction, "UPDATE codes SET uses = uses - 1 WHERE code = $code AND uses > 0;");
        giveBack.Parameters.AddWithValue("$code", code);
        await giveBack.ExecuteNonQueryAsync(ct);
    }
}
