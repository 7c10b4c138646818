using Microsoft.Data.Sqlite;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Analytics;

/// <summary>
/// The shared database with the analytics migrations applied before first use (the migrator records each
/// number, so this is harmless if the host's own list includes them too).
/// </summary>
internal sealed class AnalyticsStorage
{
    private readonly SqliteDatabase _database;
    private readonly Lazy<Task> _ready;

    public AnalyticsStorage(SqliteDatabase database)
    {
        _database = database;
        _ready = new Lazy<Task>(ApplyMigrationsAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        await _ready.Value.WaitAsync(ct);
        return await _database.OpenAsync(ct);
    }

    /// <summary>One <c>BEGIN IMMEDIATE</c> transaction (see <see cref="SqliteDatabase.WriteAsync{T}"/>).</summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, Task<T>> work, CancellationToken ct)
    {
        await _ready.Value.WaitAsync(ct);
        return await _database.WriteAsync(work, ct);
    }

    private async Task ApplyMigrationsAsync()
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await SchemaMigrator.ApplyAsync(connection, AnalyticsMigrations.All, CancellationToken.None);
    }
}
