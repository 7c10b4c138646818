using Microsoft.Data.Sqlite;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Analytics;

/// <summary>
/// Analytics' own SQLite file, <see cref="FileName"/>, beside <c>promotions.db</c> in the data directory. Analytics
/// writes one transaction per batch of events, for every redemption; in a file of its own, with its own write lock,
/// those transactions never queue behind the ledger's writes or hold them up, and never make the catalog's and
/// ledger's readers drop their page caches. The split is safe because an event's claim and its sums are in the
/// same file, written together (as on AWS, where Analytics has a table of its own).
/// </summary>
internal sealed class AnalyticsDatabase : IDisposable
{
    public const string FileName = "analytics.db";

    // Until this file existed, the analytics tables were in promotions.db (its migration 200).
    private const int LegacyMigration = 200;

    private static readonly string[] Tables =
        ["analytics_processed", "analytics_facts", "analytics_links", "analytics_cells", "analytics_customers", "analytics_parked"];

    public AnalyticsDatabase(SqliteDatabase main)
    {
        ArgumentNullException.ThrowIfNull(main);
        var mainPath = main.FilePath;
        Storage = new SqliteDatabase(main.DataDirectory, FileName, AnalyticsMigrations.All, connection => MoveFromMainAsync(connection, mainPath));
    }

    public SqliteDatabase Storage { get; }

    public void Dispose() => Storage.Dispose();

    /// <summary>
    /// Moves analytics rows a previous version kept in <c>promotions.db</c> into this file, then drops them there: first
    /// the copy, committed here (rows are keyed, so copying again after a crash adds nothing twice), then the drop,
    /// committed there. Nothing is lost whichever commit a crash comes between.
    /// </summary>
    private static async Task MoveFromMainAsync(SqliteConnection connection, string mainPath)
    {
        if (!File.Exists(mainPath))
        {
            return;
        }

        await ExecuteAsync(connection, "ATTACH DATABASE $path AS legacy;", mainPath);
        try
        {
            if ((long)(await ScalarAsync(connection,
                    "SELECT COUNT(*) FROM legacy.sqlite_master WHERE type = 'table' AND name = 'analytics_processed';"))! == 0)
            {
                return;
            }

            await using (var copy = connection.BeginTransaction(deferred: true))
            {
                foreach (var table in Tables)
                {
                    await ExecuteAsync(connection, $"INSERT OR IGNORE INTO main.{table} SELECT * FROM legacy.{table};", transaction: copy);
                }

                await copy.CommitAsync();
            }

            await using (var drop = connection.BeginTransaction(deferred: false))
            {
                foreach (var table in Tables)
                {
                    await ExecuteAsync(connection, $"DROP TABLE legacy.{table};", transaction: drop);
                }

                await ExecuteAsync(connection, $"DELETE FROM legacy.schema_migrations WHERE number = {LegacyMigration};", transaction: drop);
                await drop.CommitAsync();
            }
        }
        finally
        {
            await ExecuteAsync(connection, "DETACH DATABASE legacy;");
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, string? path = null, SqliteTransaction? transaction = null)
    {
        using var command = connection.Command(transaction, sql);
        if (path is not null)
        {
            command.Parameters.AddWithValue("$path", path);
        }

        await command.ExecuteNonQueryAsync();
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        using var command = connection.Command(null, sql);
        return await command.ExecuteScalarAsync();
    }
}
