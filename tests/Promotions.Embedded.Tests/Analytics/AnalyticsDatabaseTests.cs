using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Promotions.Contracts.Analytics;
using Promotions.Domain.Events;
using Promotions.Embedded.Analytics;
using Promotions.Embedded.Storage;
using Promotions.Embedded.Tests.Support;
using static Promotions.Contracts.Analytics.AnalyticsSamples;

namespace Promotions.Embedded.Tests.Analytics;

/// <summary>
/// Analytics' own file, and the move of what an earlier version kept in <c>promotions.db</c>: a data directory
/// of that layout is built the way that version built it (the analytics migration applied to the main file, the
/// rows of real events in its tables), then opened by this one.
/// </summary>
public sealed class AnalyticsDatabaseTests : IDisposable
{
    private static readonly string[] Tables =
        ["analytics_processed", "analytics_facts", "analytics_links", "analytics_cells", "analytics_customers", "analytics_parked"];

    private readonly TempDirectory _source = new();
    private readonly TempDirectory _legacy = new();
    private readonly List<IDisposable> _open = [];

    [Fact]
    public async Task Open_WhenTheMainFileHoldsAnEarlierVersionsAnalytics_MovesEveryRowAndDropsThemThere()
    {
        var events = RandomSet(11, 25);
        var expected = await LegacyLayoutAsync(events);

        var store = await OpenAsync(_legacy.Path);

        var scopes = AnalyticsSnapshot.ScopesOf(events);
        Assert.Equal(expected, await AnalyticsSnapshot.ReadAsync(store, scopes));
        Assert.Equal(AnalyticsSnapshot.Reference(events, scopes), await AnalyticsSnapshot.ReadAsync(store, scopes));
        Assert.Empty(await MainTablesAsync());
        Assert.Equal(0L, await MainScalarAsync("SELECT COUNT(*) FROM schema_migrations WHERE number = 200;"));
        // Every event is known as counted: delivering them again changes nothing.
        Assert.All(await store.ApplyAllAsync(events, CancellationToken.None), Assert.False);
        Assert.Equal(expected, await AnalyticsSnapshot.ReadAsync(store, scopes));
    }

    [Fact]
    public async Task Open_WhenAnEarlierMoveCopiedTheRowsButStoppedBeforeDroppingThem_CountsNothingTwice()
    {
        var events = RandomSet(12, 25);
        var expected = await LegacyLayoutAsync(events);
        // The copy committed in analytics.db; the process died before the drop committed in promotions.db.
        await CopyAsync(Path.Combine(_legacy.Path, SqliteDatabase.FileName), Path.Combine(_legacy.Path, AnalyticsDatabase.FileName), migrate: true);

        var store = await OpenAsync(_legacy.Path);

        Assert.Equal(expected, await AnalyticsSnapshot.ReadAsync(store, AnalyticsSnapshot.ScopesOf(events)));
        Assert.Empty(await MainTablesAsync());
    }

    [Fact]
    public async Task Open_WhenTheDataDirectoryIsNew_KeepsAnalyticsOutOfTheMainFile()
    {
        var store = await OpenAsync(_legacy.Path);
        await store.ApplyAsync(Redeemed("evt_1", "red_1"), CancellationToken.None);

        Assert.Empty(await MainTablesAsync());
        Assert.True(File.Exists(Path.Combine(_legacy.Path, AnalyticsDatabase.FileName)));
    }

    public void Dispose()
    {
        foreach (var open in Enumerable.Reverse(_open))
        {
            open.Dispose();
        }

        SqliteConnection.ClearAllPools();
        _source.Dispose();
        _legacy.Dispose();
    }

    // Applies the events in a store of this version, then writes its rows into the main file of a second data
    // directory, migrated as an earlier version migrated it (analytics tables included); returns what the store read.
    private async Task<List<(string Slice, Domain.Analytics.AnalyticsRow Row)>> LegacyLayoutAsync(List<DomainEvent> events)
    {
        var source = await OpenAsync(_source.Path);
        await source.ApplyAllAsync(events, CancellationToken.None);
        var expected = await AnalyticsSnapshot.ReadAsync(source, AnalyticsSnapshot.ScopesOf(events));

        using (var earlier = new SqliteDatabase(_legacy.Path, SqliteDatabase.FileName, [.. Migrations.Everything, .. AnalyticsMigrations.All]))
        {
            await earlier.InitializeAsync();
        }

        await CopyAsync(Path.Combine(_source.Path, AnalyticsDatabase.FileName), Path.Combine(_legacy.Path, SqliteDatabase.FileName), migrate: false);
        Assert.Equal(Tables.Order(), (await MainTablesAsync()).Order());
        return expected;
    }

    private async Task<SqliteAnalyticsStore> OpenAsync(string dataDirectory)
    {
        var main = new SqliteDatabase(dataDirectory);
        var analytics = new AnalyticsDatabase(main);
        _open.Add(main);
        _open.Add(analytics);
        await main.InitializeAsync();
        await analytics.Storage.InitializeAsync();
        return new SqliteAnalyticsStore(analytics, new FakeTimeProvider(Day0));
    }

    private static async Task CopyAsync(string from, string to, bool migrate)
    {
        if (migrate)
        {
            using var target = new SqliteDatabase(Path.GetDirectoryName(to)!, Path.GetFileName(to), AnalyticsMigrations.All);
            await target.InitializeAsync();
        }

        await using var connection = Unpooled(to);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"ATTACH DATABASE '{from}' AS source;");
        foreach (var table in Tables)
        {
            await ExecuteAsync(connection, $"INSERT INTO main.{table} SELECT * FROM source.{table};");
        }

        await ExecuteAsync(connection, "DETACH DATABASE source;");
    }

    private async Task<List<string>> MainTablesAsync()
    {
        await using var connection = Unpooled(Path.Combine(_legacy.Path, SqliteDatabase.FileName));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'analytics%';";
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private async Task<long> MainScalarAsync(string sql)
    {
        await using var connection = Unpooled(Path.Combine(_legacy.Path, SqliteDatabase.FileName));
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static SqliteConnection Unpooled(string path) =>
        new(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());

    private static async Task ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
