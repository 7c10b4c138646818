using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Contracts.Support;
using Promotions.Domain.Customers;
using Promotions.Domain.Ports;
using Promotions.Embedded.Customers;
using Promotions.Embedded.PersonalData;
using Promotions.Embedded.Storage;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Customers;

/// <summary>A database written before personal data was encrypted, opened by the store that seals it.</summary>
public sealed class PlaintextConversionTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>What the old store was given (the rows of <see cref="LegacyCustomerRows"/>), with the versions it stored.</summary>
    private static IReadOnlyList<Customer> Expected { get; } =
    [
        new("cus_legacy_ada", "  Ada.Lovelace@Example.COM ", "Ada Lovelace", Json.Parse("""{"tier":"gold","ratio":1.50}"""), ["seg_vip", "seg_newsletter"],
            At, At.AddDays(3), new PurchaseHistory(2, 80.50m, At.AddDays(1), [new PurchasedItem("SKU-7", "books", At.AddDays(1))]),
            new Location("GB", null, "London", "NW1", null, 51.5, -0.12)),
        new("cus_legacy_anon", null, null, null, [], At.AddMinutes(4), null, PurchaseHistory.None),
        new("cus_legacy_empty", "empty.name@example.net", "", null, [], At.AddMinutes(3), null, PurchaseHistory.None),
        new("cus_legacy_noemail", null, "Grace Hopper", null, ["seg_vip"], At.AddMinutes(2), null, PurchaseHistory.None),
        new("cus_legacy_zoe", "zoe.obrien@example.org", "Zoë O'Brien-Ñúñez 李雷", null, [], At.AddMinutes(1), At.AddDays(9), PurchaseHistory.None, Version: 2),
    ];

    private static readonly string[] Plaintexts =
        ["Ada.Lovelace", "ada.lovelace", "Ada Lovelace", "zoe.obrien", "Zoë O'Brien", "李雷", "Grace Hopper", "empty.name", "Forgotten", "forgotten.person"];

    [Fact]
    public async Task Open_SealsEveryRowWithoutLoss()
    {
        await WriteLegacyDatabaseAsync();

        using var database = new SqliteDatabase(_temp.Path);
        var store = SealedCustomerStores.Create(database);
        var all = await store.ListAsync(new CustomerFilter(), new ListQuery(), default);

        Assert.Equal(Expected.Count, all.Items.Count);
        foreach (var (expected, actual) in Expected.Zip(all.Items))
        {
            Json.AssertSame(expected, actual);
        }

        Assert.Equal(["cus_legacy_ada", "cus_legacy_noemail"], (await store.ListAsync(new CustomerFilter("seg_vip"), new ListQuery(), default)).Items.Select(c => c.Id));
        Assert.Equal(0L, await StoredBytes.ScalarAsync(database, "SELECT COUNT(*) FROM customers WHERE sealed = 0 OR legacy_email_lower IS NOT NULL;"));
    }

    [Fact]
    public async Task Open_LeavesNoPlaintextInTheRowsTheFreeSpaceOrTheWal()
    {
        await WriteLegacyDatabaseAsync();
        Assert.True(StoredBytes.Files(_temp.Path).AsSpan().IndexOf("Forgotten.Person"u8) >= 0, "The deleted customer's plaintext should be in the old file.");

        using var database = new SqliteDatabase(_temp.Path);
        await SealedCustomerStores.Create(database).PrepareAsync();

        StoredBytes.AssertAbsent(await StoredBytes.RowsAsync(database, "customers"), StoredBytes.Files(_temp.Path), Plaintexts);
        Assert.Equal(0L, await StoredBytes.ScalarAsync(database, $"SELECT COUNT(*) FROM sqlite_master WHERE name = '{PlaintextCustomers.PendingIndex}';"));
    }

    [Fact]
    public async Task Open_FindsConvertedAddressesAndKeepsThemUnique()
    {
        await WriteLegacyDatabaseAsync();

        using var database = new SqliteDatabase(_temp.Path);
        var store = SealedCustomerStores.Create(database);

        Assert.Equal("cus_legacy_ada", (await store.FindByEmailAsync("ADA.LOVELACE@example.com", default))?.Id);
        Assert.Equal("cus_legacy_zoe", (await store.FindByEmailAsync(" zoe.obrien@example.org", default))?.Id);
        var taken = await store.CreateAsync(Expected[0] with { Id = "cus_new", Email = "ada.lovelace@EXAMPLE.com" }, default);
        var free = await store.CreateAsync(Expected[0] with { Id = "cus_new", Email = "ada.byron@example.com" }, default);

        Assert.Equal((WriteStatus.Duplicate, WriteStatus.Written), (taken.Status, free.Status));
        Assert.Equal(WriteStatus.Written, (await store.UpdateAsync(Expected[4] with { Name = "Zoë" }, 2, default)).Status);
    }

    [Fact]
    public async Task Restart_AfterConversion_ChangesNothing()
    {
        await WriteLegacyDatabaseAsync();
        List<string> converted;
        using (var first = new SqliteDatabase(_temp.Path))
        {
            await SealedCustomerStores.Create(first).PrepareAsync();
            converted = await StoredBytes.RowsAsync(first, "customers");
        }

        using var second = new SqliteDatabase(_temp.Path);
        await SealedCustomerStores.Create(second).PrepareAsync();

        Assert.Equal(converted, await StoredBytes.RowsAsync(second, "customers"));
    }

    [Fact]
    public async Task Open_WhenTheRingIsGoneButNothingWasSealedYet_SealsWithANewRing()
    {
        await WriteLegacyDatabaseAsync();
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, LocalKeyRing.FolderName)));

        using var database = new SqliteDatabase(_temp.Path);
        await SealedCustomerStores.Create(database).PrepareAsync();

        Assert.True(new LocalKeyRing(_temp.Path).Exists);
    }

    /// <summary>The schema of every migration before this feature's, and the old store's rows, in a file as the old code left it.</summary>
    private async Task WriteLegacyDatabaseAsync()
    {
        Directory.CreateDirectory(_temp.Path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(_temp.Path, SqliteDatabase.FileName), Pooling = false }.ToString();
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await SchemaMigrator.ApplyAsync(connection, [.. Migrations.Everything.Where(m => m.Number < CustomerMigrations.All[0].Number)], default);
        using var insert = connection.CreateCommand();
        insert.CommandText = LegacyCustomerRows.Sql;
        await insert.ExecuteNonQueryAsync();
        Assert.Contains("ada.lovelace@example.com", JsonSerializer.Serialize(await ColumnAsync(connection, "email_lower")), StringComparison.Ordinal);
    }

    private static async Task<List<string?>> ColumnAsync(SqliteConnection connection, string column)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM customers ORDER BY id;";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string?>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        return values;
    }
}
