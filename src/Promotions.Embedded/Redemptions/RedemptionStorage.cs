using Microsoft.Data.Sqlite;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Redemptions;

/// <summary>
/// The shared database, with the ledger's and the outbox's migrations applied before first use. The migrator
/// records each number it applied, so this is harmless when the host's own migration list includes them too.
/// </summary>
internal sealed class RedemptionStorage
{
    private readonly SqliteDatabase _database;
    private readonly Lazy<Task> _ready;

    public RedemptionStorage(SqliteDatabase database)
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
        await SchemaMigrator.ApplyAsync(connection, [.. OutboxMigrations.All, .. RedemptionMigrations.All], CancellationToken.None);
    }
}
