using System.Security.Cryptography;
using System.Text;
using Promotions.Contracts.Support;
using Promotions.Domain.Customers;
using Promotions.Domain.PersonalData;
using Promotions.Domain.Ports;
using Promotions.Embedded.PersonalData;
using Promotions.Embedded.Storage;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Customers;

/// <summary>Customers' personal data as the SQLite store keeps it: sealed in the row, found by a keyed hash, bound to its place.</summary>
public sealed class CustomerEncryptionTests : IDisposable
{
    private const string Email = "  Ada.Lovelace+Promo@Example.COM ";
    private const string Name = "Zoë O'Brien-Ñúñez";

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Create_KeepsNeitherAddressNorNameInTheRowOrTheFile()
    {
        using var database = new SqliteDatabase(_temp.Path);
        var store = SealedCustomerStores.Create(database);
        var customer = NewCustomer("cus_ada", Email, Name);

        await store.CreateAsync(customer, default);
        await store.UpdateAsync(customer with { LastActiveAt = customer.CreatedAt.AddDays(1) }, 1, default);

        var rows = await StoredBytes.RowsAsync(database, "customers");
        StoredBytes.AssertAbsent(rows, StoredBytes.Files(_temp.Path), Email, Name, "lovelace", "Lovelace", "O'Brien", "Zoë", "Ñúñez");
        Assert.Contains("pd1.", Assert.Single(rows), StringComparison.Ordinal);
        Json.AssertSame(customer with { Version = 2, LastActiveAt = customer.CreatedAt.AddDays(1) }, await store.GetAsync("cus_ada", default));
    }

    [Fact]
    public async Task EmailHash_IsTheKeyedHashOfTheNormalizedAddress_StableAcrossRestarts()
    {
        string firstHash;
        using (var database = new SqliteDatabase(_temp.Path))
        {
            await SealedCustomerStores.Create(database).CreateAsync(NewCustomer("cus_ada", Email, Name), default);
            firstHash = (string)(await StoredBytes.ScalarAsync(database, "SELECT email_hash FROM customers WHERE id = 'cus_ada';"))!;
        }

        using var restarted = new SqliteDatabase(_temp.Path);
        var store = SealedCustomerStores.Create(restarted);
        var found = await store.FindByEmailAsync("ada.lovelace+promo@example.com", default);

        var lookupKey = Convert.FromBase64String(await File.ReadAllTextAsync(Path.Combine(_temp.Path, LocalKeyRing.FolderName, LocalKeyRing.LookupKeyFile)));
        var normalized = Encoding.UTF8.GetBytes("ada.lovelace+promo@example.com");
        Assert.Equal("cus_ada", found?.Id);
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(lookupKey, normalized)), firstHash);
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(normalized)), firstHash);
        Assert.Equal(firstHash, await StoredBytes.ScalarAsync(restarted, "SELECT email_hash FROM customers WHERE id = 'cus_ada';"));
    }

    [Fact]
    public async Task Create_WithOneAddressInManyCasesAtOnce_WritesExactlyOne()
    {
        using var database = new SqliteDatabase(_temp.Path);
        var store = SealedCustomerStores.Create(database);

        var writes = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() =>
            store.CreateAsync(NewCustomer($"cus_{i:000}", i % 2 == 0 ? "SAME@example.com" : " same@EXAMPLE.com", null), default))));

        Assert.Equal(1, writes.Count(w => w.Status == WriteStatus.Written));
        Assert.Equal(199, writes.Count(w => w.Status == WriteStatus.Duplicate));
        Assert.Equal(1L, await StoredBytes.ScalarAsync(database, "SELECT COUNT(*) FROM customers;"));
    }

    [Fact]
    public async Task Get_WhenASealedAddressIsMovedToAnotherCustomer_Fails()
    {
        using var database = new SqliteDatabase(_temp.Path);
        var store = SealedCustomerStores.Create(database);
        await store.CreateAsync(NewCustomer("cus_ada", Email, Name), default);
        await store.CreateAsync(NewCustomer("cus_eve", "eve@example.com", "Eve"), default);

        await StoredBytes.ScalarAsync(database,
            "UPDATE customers SET doc = json_set(doc, '$.email', (SELECT json_extract(doc, '$.email') FROM customers WHERE id = 'cus_ada')) WHERE id = 'cus_eve';");

        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.GetAsync("cus_eve", default));
        Assert.Equal(Name, (await store.GetAsync("cus_ada", default))?.Name);
    }

    [Fact]
    public async Task Get_WhenTheSealedNameIsMovedIntoTheAddress_Fails()
    {
        using var database = new SqliteDatabase(_temp.Path);
        var store = SealedCustomerStores.Create(database);
        await store.CreateAsync(NewCustomer("cus_ada", Email, Name), default);

        await StoredBytes.ScalarAsync(database, "UPDATE customers SET doc = json_set(doc, '$.email', json_extract(doc, '$.name')) WHERE id = 'cus_ada';");

        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.GetAsync("cus_ada", default));
    }

    [Fact]
    public async Task Get_WhenTheStoredValueIsAltered_Fails()
    {
        using var database = new SqliteDatabase(_temp.Path);
        var store = SealedCustomerStores.Create(database);
        await store.CreateAsync(NewCustomer("cus_ada", Email, Name), default);
        var stored = (string)(await StoredBytes.ScalarAsync(database, "SELECT json_extract(doc, '$.name') FROM customers WHERE id = 'cus_ada';"))!;

        var position = stored.Length - 10;
        var altered = stored[..position] + (stored[position] == 'A' ? 'B' : 'A') + stored[(position + 1)..];
        await StoredBytes.ScalarAsync(database, $"UPDATE customers SET doc = json_set(doc, '$.name', '{altered}') WHERE id = 'cus_ada';");

        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.GetAsync("cus_ada", default));
    }

    [Fact]
    public async Task GetProfile_OpensNoPersonalField()
    {
        using var database = new SqliteDatabase(_temp.Path);
        var store = SealedCustomerStores.Create(database);
        await store.CreateAsync(NewCustomer("cus_ada", Email, Name), default);

        // A profile never needs the address, so even one that no longer opens does not stand in the way.
        await StoredBytes.ScalarAsync(database, "UPDATE customers SET doc = json_set(doc, '$.email', 'pd1.AAAA') WHERE id = 'cus_ada';");

        await Assert.ThrowsAnyAsync<CryptographicException>(() => store.GetAsync("cus_ada", default));
        Assert.Equal(["seg_vip"], (await store.GetProfileAsync("cus_ada", default))?.SegmentIds);
    }

    [Fact]
    public async Task Read_AfterTheKeyRingRotated_OpensWhatEveryKeyWrapped()
    {
        using var database = new SqliteDatabase(_temp.Path);
        var oneKeyPerValue = new DataKeyPolicy(1, TimeSpan.FromHours(1), 100, TimeSpan.FromHours(1));
        var store = SealedCustomerStores.Create(database, oneKeyPerValue);
        await store.CreateAsync(NewCustomer("cus_old", "old@example.com", "Old"), default);

        // Rotated by the operator's command while this store runs: its next data key is wrapped by the new key.
        Assert.Equal("kek-2", LocalKeys.Rotate(_temp.Path));
        await store.CreateAsync(NewCustomer("cus_new", "new@example.com", "New"), default);

        var reader = SealedCustomerStores.Create(database);
        var all = await reader.ListAsync(new CustomerFilter(), new ListQuery(), default);
        Assert.Equal(["old@example.com", "new@example.com"], all.Items.OrderByDescending(c => c.Id).Select(c => c.Email));
        Assert.Equal(["Old", "New"], all.Items.OrderByDescending(c => c.Id).Select(c => c.Name));
        Assert.Equal(["kek-1", "kek-2"], [await KeyIdOfAsync(database, "cus_old"), await KeyIdOfAsync(database, "cus_new")]);
    }

    [Fact]
    public async Task Start_WhenTheKeyRingOfSealedDataIsGone_IsRefusedAndMakesNoNewRing()
    {
        using (var database = new SqliteDatabase(_temp.Path))
        {
            await SealedCustomerStores.Create(database).CreateAsync(NewCustomer("cus_ada", Email, Name), default);
        }

        Directory.Delete(Path.Combine(_temp.Path, LocalKeyRing.FolderName), recursive: true);
        using var restarted = new SqliteDatabase(_temp.Path);
        var store = SealedCustomerStores.Create(restarted);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetAsync("cus_ada", default));
        Assert.Contains("key ring", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_temp.Path, LocalKeyRing.FolderName)));
    }

    private static async Task<string> KeyIdOfAsync(SqliteDatabase database, string id)
    {
        var stored = (string)(await StoredBytes.ScalarAsync(database, $"SELECT json_extract(doc, '$.email') FROM customers WHERE id = '{id}';"))!;
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(stored.AsSpan(4));
        return Encoding.UTF8.GetString(bytes, 1, bytes[0]);
    }

    private static Customer NewCustomer(string id, string? email, string? name) =>
        new(id, email, name, null, ["seg_vip"], new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero), null, PurchaseHistory.None);
}
