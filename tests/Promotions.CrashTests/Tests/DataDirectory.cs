using Microsoft.Data.Sqlite;

namespace Promotions.CrashTests;

/// <summary>A temp data directory shared by a host's lives, and a look into its databases between them.</summary>
internal sealed class DataDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "promotions-crash-" + Guid.NewGuid().ToString("N"));

    /// <summary>Outbox events not marked dispatched.</summary>
    public Task<long> PendingEventsAsync() => CountAsync("promotions.db", "SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL;");

    /// <summary>Redemption events Analytics applied (its processed ids).</summary>
    public Task<long> AppliedRedemptionsAsync() =>
        CountAsync("analytics.db", "SELECT COUNT(*) FROM analytics_processed WHERE type = 'redemption_recorded';");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }

    private async Task<long> CountAsync(string file, string sql)
    {
        // No pooling: nothing of the test keeps the file open while the host uses it, or when it is deleted.
        var builder = new SqliteConnectionStringBuilder { DataSource = System.IO.Path.Combine(Path, file), Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = '{sql.Split("FROM ")[1].Split(' ')[0]}');";
        if ((long)(await command.ExecuteScalarAsync())! == 0)
        {
            return 0;
        }

        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
