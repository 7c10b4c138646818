using Microsoft.Data.Sqlite;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Lifecycle;
using Promotions.Embedded.Campaigns;
using Promotions.Embedded.Storage;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Storage;

public sealed class MigrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Open_AfterRestart_KeepsDataAndAppliesEachMigrationOnce()
    {
        var campaign = new Campaign("cmp_restart", "Kept", null, null, null, LifecycleStatus.Draft, null, null, null, null,
            DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);
        using (var first = new SqliteDatabase(_temp.Path))
        {
            await new SqliteCampaignStore(first).CreateAsync(campaign, default);
        }

        using var second = new SqliteDatabase(_temp.Path);
        var stored = await new SqliteCampaignStore(second).GetAsync(campaign.Id, default);

        Assert.Equal(campaign, stored);
        Assert.Equal((long)Migrations.Everything.Count, await ScalarAsync(second, "SELECT COUNT(*) FROM schema_migrations;"));
        Assert.Equal((long)Migrations.Everything.Max(m => m.Number), await ScalarAsync(second, "SELECT MAX(number) FROM schema_migrations;"));
    }

    [Fact]
    public async Task Open_TurnsOnWalForeignKeysAndBusyTimeout()
    {
        using var database = new SqliteDatabase(_temp.Path);

        Assert.Equal("wal", await ScalarAsync(database, "PRAGMA journal_mode;"));
        Assert.Equal(1L, await ScalarAsync(database, "PRAGMA foreign_keys;"));
        Assert.True((long)(await ScalarAsync(database, "PRAGMA busy_timeout;"))! > 0);
        Assert.True(File.Exists(Path.Combine(_temp.Path, SqliteDatabase.FileName)));
        Assert.True(Directory.Exists(database.AssetsDirectory));
    }

    [Fact]
    public async Task Apply_WhenRunTwiceOnOneConnection_ChangesNothingTheSecondTime()
    {
        using var database = new SqliteDatabase(_temp.Path);
        await using var connection = await database.OpenAsync(default);

        await SchemaMigrator.ApplyAsync(connection, Migrations.Everything, default);

        Assert.Equal((long)Migrations.Everything.Count, await ScalarAsync(database, "SELECT COUNT(*) FROM schema_migrations;"));
    }

    [Fact]
    public async Task Apply_WhenAMigrationFails_RollsItBackAndRecordsNothing()
    {
        using var database = new SqliteDatabase(_temp.Path);
        await using var connection = await database.OpenAsync(default);
        Migration broken = new(999, "broken", "CREATE TABLE half_done (id TEXT); SELECT * FROM no_such_table;");

        await Assert.ThrowsAsync<SqliteException>(() => SchemaMigrator.ApplyAsync(connection, [.. Migrations.All, broken], default));

        Assert.Equal(0L, await ScalarAsync(database, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'half_done';"));
        Assert.Equal(0L, await ScalarAsync(database, "SELECT COUNT(*) FROM schema_migrations WHERE number = 999;"));
    }

    private static async Task<object?> ScalarAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(default);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
