using Microsoft.Data.Sqlite;

namespace Promotions.Embedded.Storage;

/// <summary>
/// Applies the migrations a database has not seen yet, each in its own transaction together with its row
/// in <c>schema_migrations</c>, so a restart (or a second process starting at the same time) applies nothing twice.
/// </summary>
internal static class SchemaMigrator
{
    public static async Task ApplyAsync(SqliteConnection connection, IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        // WAL lets readers run beside the writer; the mode is stored in the file and cannot change inside a transaction.
        var mode = await ScalarAsync(connection, null, "PRAGMA journal_mode = WAL;", ct);
        if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite refused write-ahead logging (journal mode '{mode}').");
        }

        await ScalarAsync(connection, null,
            "CREATE TABLE IF NOT EXISTS schema_migrations (number INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);", ct);

        foreach (var migration in migrations.OrderBy(m => m.Number))
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            var applied = await ScalarAsync(connection, transaction,
                $"SELECT COUNT(*) FROM schema_migrations WHERE number = {migration.Number};", ct);
            if ((long)applied! == 0)
            {
                using var change = connection.CreateCommand();
                change.Transaction = transaction;
                change.CommandText = migration.Sql;
                await change.ExecuteNonQueryAsync(ct);
                using var record = connection.CreateCommand();
                record.Transaction = transaction;
                record.CommandText =
                    "INSERT INTO schema_migrations (number, name, applied_at) VALUES ($number, $name, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));";
                record.Parameters.AddWithValue("$number", migration.Number);
                record.Parameters.AddWithValue("$name", migration.Name);
                await record.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
        }
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(ct);
    }
}
