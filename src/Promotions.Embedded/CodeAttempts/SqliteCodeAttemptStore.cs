using Microsoft.Data.Sqlite;
using Promotions.Domain.CodeAttempts;
using Promotions.Domain.Ports;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.CodeAttempts;

/// <summary>
/// Code attempt counts in SQLite, one row per key. Adding is one upsert that starts a new window or adds to the open
/// one, in the write transaction, so concurrent adds of any process all count. The same transaction drops a few
/// rows nobody needs any more, so the table holds only recent failures.
/// </summary>
internal sealed class SqliteCodeAttemptStore(SqliteDatabase database) : ICodeAttemptStore
{
    private const int PurgeBatch = 20;

    public async Task<IReadOnlyList<CodeAttemptCount>> FindAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        await using var connection = await database.OpenAsync(ct);
        using var command = connection.CreateCommand();
        var names = keys.Select((_, i) => "$k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        command.CommandText = $"SELECT key, window_start, unknown, locked_until FROM code_attempts WHERE key IN ({string.Join(", ", names)});";
        for (var i = 0; i < keys.Count; i++)
        {
            command.Parameters.AddWithValue(names[i], keys[i]);
        }

        var counts = new List<CodeAttemptCount>(keys.Count);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts.Add(Read(reader));
        }

        return counts;
    }

    public Task<CodeAttemptCount> AddUnknownAsync(string key, int unknown, DateTimeOffset now, CodeAttemptLimit limit, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unknown);
        return database.WriteAsync(async (connection, transaction) =>
        {
            var purge = connection.Reusable(transaction, """
                DELETE FROM code_attempts WHERE key IN (SELECT key FROM code_attempts WHERE keep_until <= $now LIMIT $limit);
                """);
            purge.Parameters.AddWithValue("$now", now.UtcTicks);
            purge.Parameters.AddWithValue("$limit", PurgeBatch);
            await purge.ExecuteNonQueryAsync(ct);

            // A window that started at or before the cutoff has ended: this add starts the next one.
            var add = connection.Reusable(transaction, """
                INSERT INTO code_attempts (key, window_start, unknown, locked_until, keep_until)
                VALUES ($key, $now, $unknown, NULL, $keep)
                ON CONFLICT (key) DO UPDATE SET
                    unknown = CASE WHEN window_start <= $cutoff THEN excluded.unknown ELSE unknown + excluded.unknown END,
                    window_start = CASE WHEN window_start <= $cutoff THEN excluded.window_start ELSE window_start END,
                    keep_until = max(keep_until, excluded.keep_until)
                RETURNING key, window_start, unknown, locked_until;
                """);
            add.Parameters.AddWithValue("$key", key);
            add.Parameters.AddWithValue("$now", now.UtcTicks);
            add.Parameters.AddWithValue("$unknown", unknown);
            add.Parameters.AddWithValue("$keep", (now + limit.Retention).UtcTicks);
            add.Parameters.AddWithValue("$cutoff", (now - limit.Window).UtcTicks);
            await using var reader = await add.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return Read(reader);
        }, ct);
    }

    public Task LockAsync(string key, DateTimeOffset until, CancellationToken ct) =>
        database.WriteAsync(async (connection, transaction) =>
        {
            var update = connection.Reusable(transaction, """
                UPDATE code_attempts SET locked_until = $until, keep_until = max(keep_until, $until)
                WHERE key = $key AND (locked_until IS NULL OR locked_until < $until);
                """);
            update.Parameters.AddWithValue("$key", key);
            update.Parameters.AddWithValue("$until", until.UtcTicks);
            return await update.ExecuteNonQueryAsync(ct);
        }, ct);

    private static CodeAttemptCount Read(SqliteDataReader reader) => new(
        reader.GetString(0),
        new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero),
        reader.GetInt32(2),
        SqlTime.FromDb(reader.GetValue(3)));
}
