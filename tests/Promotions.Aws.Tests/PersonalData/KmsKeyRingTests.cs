using System.Security.Cryptography;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.PersonalData;
using Promotions.Aws.Tests.Support;
using Promotions.Domain.Customers;
using Promotions.Domain.PersonalData;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.PersonalData;

/// <summary>The KMS key ring and the protector on it, against KMS (moto by default).</summary>
public sealed class KmsKeyRingTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    private static readonly IReadOnlyDictionary<string, string> Context = PersonalDataProtector.Context;

    private IPersonalDataKeyRing Ring => aws.Services.GetRequiredService<IPersonalDataKeyRing>();

    [Fact]
    public async Task DataKey_RoundTripsThroughKms()
    {
        var key = await Ring.GenerateDataKeyAsync(Context, default);

        var unwrapped = await NewRing().UnwrapDataKeyAsync(key.KeyId, key.Wrapped, Context, default);

        var arn = (await aws.Kms.DescribeKeyAsync(aws.PersonalDataKey)).KeyMetadata.Arn;
        Assert.Equal(arn, key.KeyId);
        Assert.Equal(32, key.Plaintext.Length);
        Assert.Equal(key.Plaintext, unwrapped);
    }

    [Fact]
    public async Task Unwrap_UnderAnotherEncryptionContext_Fails()
    {
        var key = await Ring.GenerateDataKeyAsync(Context, default);

        await Assert.ThrowsAnyAsync<CryptographicException>(() =>
            Ring.UnwrapDataKeyAsync(key.KeyId, key.Wrapped, new Dictionary<string, string> { ["purpose"] = "something-else" }, default));
        await Assert.ThrowsAnyAsync<CryptographicException>(() => Ring.UnwrapDataKeyAsync(key.KeyId, key.Wrapped, new Dictionary<string, string>(), default));
    }

    [Fact]
    public async Task Unwrap_OfAnAlteredKey_Fails()
    {
        var key = await Ring.GenerateDataKeyAsync(Context, default);
        var altered = (byte[])key.Wrapped.Clone();
        altered[^1] ^= 1;

        await Assert.ThrowsAnyAsync<CryptographicException>(() => Ring.UnwrapDataKeyAsync(key.KeyId, altered, Context, default));
    }

    [Fact]
    public async Task LookupMac_IsKmsHmacOfTheMessage_TheSameInEveryProcess()
    {
        var message = "ada.lovelace@example.com"u8.ToArray();

        var mac = await Ring.ComputeLookupMacAsync(message, default);
        var again = await NewRing().ComputeLookupMacAsync(message, default);

        var verified = await aws.Kms.VerifyMacAsync(new VerifyMacRequest
        {
            KeyId = aws.LookupKey,
            MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_256,
            Message = new MemoryStream(message),
            Mac = new MemoryStream(mac),
        });
        Assert.True(verified.MacValid);
        Assert.Equal(mac, again);
        Assert.Equal(32, mac.Length);
        Assert.NotEqual(SHA256.HashData(message), mac);
        Assert.NotEqual(mac, await Ring.ComputeLookupMacAsync("ada.lovelace@example.org"u8.ToArray(), default));
    }

    [Fact]
    public async Task LookupMac_OnTheSymmetricKey_IsRefusedByKms()
    {
        // Why the lookup key is a key of its own: GenerateMac takes only HMAC keys.
        var ring = NewRing(o => o.KmsLookupKeyId = aws.PersonalDataKey);

        await Assert.ThrowsAsync<InvalidKeyUsageException>(() => ring.ComputeLookupMacAsync("a@example.com"u8.ToArray(), default));
    }

    [Fact]
    public async Task Ring_WithoutKeysConfigured_SaysWhichSettingIsMissing()
    {
        var ring = NewRing(o => (o.KmsKeyId, o.KmsLookupKeyId) = ("", ""));

        var dataKey = await Assert.ThrowsAsync<InvalidOperationException>(() => ring.GenerateDataKeyAsync(Context, default));
        var lookup = await Assert.ThrowsAsync<InvalidOperationException>(() => ring.ComputeLookupMacAsync([1], default));

        Assert.Contains("Aws:KmsKeyId", dataKey.Message, StringComparison.Ordinal);
        Assert.Contains("Aws:KmsLookupKeyId", lookup.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Customer_SealedOnKms_OpensInAnotherProcessOnlyInItsOwnPlace()
    {
        var privacy = aws.Services.GetRequiredService<CustomerPrivacy>();
        var customer = new Customer("cus_kms", " Ada.Lovelace@Example.COM", "Zoë O'Brien", null, [], TimeProvider.System.GetUtcNow(), null, PurchaseHistory.None);

        var sealedCustomer = await privacy.SealAsync(customer, default);
        var elsewhere = new CustomerPrivacy(new PersonalDataProtector(NewRing(), TimeProvider.System));
        var opened = await elsewhere.OpenAsync(sealedCustomer.Document, default);

        Assert.Equal((customer.Email, customer.Name), (opened.Email, opened.Name));
        Assert.DoesNotContain("Lovelace", sealedCustomer.Document.Email, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(await elsewhere.EmailKeyAsync("ada.lovelace@example.com", default), sealedCustomer.EmailKey);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => elsewhere.OpenAsync(sealedCustomer.Document with { Id = "cus_other" }, default));
    }

    /// <summary>A ring as another process would have it: its own options, nothing in memory.</summary>
    private KmsKeyRing NewRing(Action<AwsOptions>? change = null)
    {
        var options = aws.Services.GetRequiredService<IOptions<AwsOptions>>().Value;
        var copy = new AwsOptions { KmsKeyId = options.KmsKeyId, KmsLookupKeyId = options.KmsLookupKeyId };
        change?.Invoke(copy);
        return new KmsKeyRing(aws.Services.GetRequiredService<IAmazonKeyManagementService>(), Options.Create(copy));
    }
}
