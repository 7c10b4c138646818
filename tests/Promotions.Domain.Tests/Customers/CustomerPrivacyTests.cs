using System.Security.Cryptography;
using System.Text.Json;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.PersonalData;
using Promotions.Domain.Tests.PersonalData;

namespace Promotions.Domain.Tests.Customers;

public sealed class CustomerPrivacyTests
{
    private readonly CountingKeyRing _ring = new();
    private readonly CustomerPrivacy _privacy;

    public CustomerPrivacyTests() => _privacy = new CustomerPrivacy(new PersonalDataProtector(_ring, TimeProvider.System));

    [Fact]
    public async Task Seal_LeavesNeitherAddressNorNameInTheDocument()
    {
        var customer = Ada();

        var sealedCustomer = await _privacy.SealAsync(customer, default);

        var json = JsonSerializer.Serialize(sealedCustomer.Document);
        Assert.DoesNotContain("lovelace", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Ada", json, StringComparison.Ordinal);
        Assert.Equal(customer with { Email = null, Name = null }, sealedCustomer.Document with { Email = null, Name = null });
        Assert.Equal(customer, await _privacy.OpenAsync(sealedCustomer.Document, default));
    }

    [Fact]
    public async Task Seal_GivesTheKeyOfTheNormalizedAddress()
    {
        var sealedCustomer = await _privacy.SealAsync(Ada(), default);

        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData(_ring.LookupKey, "ada.lovelace@example.com"u8)), sealedCustomer.EmailKey);
        Assert.Matches("^[0-9a-f]{64}$", sealedCustomer.EmailKey);
    }

    [Fact]
    public async Task Open_WhenTheFieldsAreSwapped_Fails()
    {
        var sealedCustomer = (await _privacy.SealAsync(Ada(), default)).Document;

        var swapped = sealedCustomer with { Email = sealedCustomer.Name, Name = sealedCustomer.Email };

        await Assert.ThrowsAnyAsync<CryptographicException>(() => _privacy.OpenAsync(swapped, default));
    }

    [Fact]
    public async Task Open_WhenTheFieldsComeFromAnotherCustomer_Fails()
    {
        var ada = (await _privacy.SealAsync(Ada(), default)).Document;
        var grace = (await _privacy.SealAsync(Ada() with { Id = "cus_grace", Email = "grace@example.com" }, default)).Document;

        await Assert.ThrowsAnyAsync<CryptographicException>(() => _privacy.OpenAsync(grace with { Email = ada.Email }, default));
    }

    [Fact]
    public async Task OpenPage_OpensEveryCustomerInOrder()
    {
        var customers = Enumerable.Range(0, 30).Select(i => Ada() with { Id = $"cus_{i:00}", Email = $"user{i}@example.com" }).ToList();
        var stored = new List<Customer>();
        foreach (var customer in customers)
        {
            stored.Add((await _privacy.SealAsync(customer, default)).Document);
        }

        var page = await _privacy.OpenAsync(new Page<Customer>(stored, "next"), default);

        Assert.Equal(customers, page.Items);
        Assert.Equal("next", page.NextCursor);
    }

    [Theory]
    [InlineData("Ada.Lovelace@Example.COM", "ada.lovelace@example.com")]
    [InlineData("  ada.lovelace@example.com\t", "ada.lovelace@example.com")]
    [InlineData("ÉLODIE@exemple.fr", "élodie@exemple.fr")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void NormalizeEmail_TrimsAndLowerCases(string? email, string? expected) =>
        Assert.Equal(expected, CustomerPrivacy.NormalizeEmail(email));

    [Fact]
    public async Task EmailKey_IsTheSameForEveryWayOfWritingTheAddress()
    {
        var key = await _privacy.EmailKeyAsync("ada.lovelace@example.com", default);

        Assert.Equal(key, await _privacy.EmailKeyAsync("  ADA.Lovelace@example.com ", default));
        Assert.NotEqual(key, await _privacy.EmailKeyAsync("ada.lovelace@example.org", default));
        Assert.Null(await _privacy.EmailKeyAsync(" ", default));
    }

    private static Customer Ada() => new(
        "cus_ada", "Ada.Lovelace@Example.COM", "Ada Lovelace", JsonDocument.Parse("""{"tier":"gold"}""").RootElement,
        ["seg_vip"], new DateTimeOffset(2026, 4, 1, 8, 0, 0, TimeSpan.Zero), null, PurchaseHistory.None);
}
