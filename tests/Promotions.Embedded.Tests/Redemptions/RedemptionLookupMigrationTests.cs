using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Promotions.Contracts.Redemptions;
using Promotions.Domain.Redemptions;
using Promotions.Embedded.Redemptions;
using Promotions.Embedded.Storage;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Redemptions;

/// <summary>Migration 102 fills the lookup columns and the code rows of redemptions stored before it.</summary>
public sealed class RedemptionLookupMigrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Migrate_WhenRedemptionsPredateTheLookup_FindsThemByOrderIdAndCodeNewestFirst()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var samples = new LedgerSamples(clock);
        var older = samples.Stack("cus_1", null, ("x", null, 10m), ("y", "OLDCODE", 5m));
        clock.Advance(TimeSpan.FromSeconds(3));
        var newer = samples.Stack("cus_1", null, ("x", "OLDCODE", 5m)) with { OrderId = older.OrderId };
        Directory.CreateDirectory(_temp.Path);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_temp.Path, SqliteDatabase.FileName)};Pooling=False"))
        {
            await connection.OpenAsync();
            await SchemaMigrator.ApplyAsync(connection, [.. Migrations.Everything.Where(static m => m.Number < 102)], default);
            foreach (var order in new[] { older, newer })
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO redemptions (id, version, status, promotion_id, customer_id, expires_at, doc)
                    VALUES ($id, 1, 'Confirmed', 'prm_x', 'cus_1', NULL, $doc);
                    """;
                insert.Parameters.AddWithValue("$id", order.Id);
                insert.Parameters.AddWithValue("$doc", LedgerJson.Write(order));
                await insert.ExecuteNonQueryAsync();
            }
        }

        using var database = new SqliteDatabase(_temp.Path);
        var ledger = new SqliteRedemptionLedger(database, clock);

        Assert.Equal([newer.Id, older.Id], (await ledger.ListByOrderAsync(older.OrderId, 10, default)).Select(r => r.Id));
        Assert.Equal([newer.Id, older.Id], (await ledger.ListByCodeAsync("OLDCODE", 10, default)).Select(r => r.Id));
    }
}
