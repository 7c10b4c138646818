using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Tests.Admin;
using Promotions.Aws.Tests.Support;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Customers;

/// <summary>
/// What the DynamoDB customer store leaves in the table, read with the low-level client: no e-mail address (in any case)
/// and no name in any attribute of any item, the uniqueness item keyed by the KMS keyed hash; profiles read with KMS out of reach.
/// </summary>
public sealed class CustomerItemPrivacyTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    private ICustomerStore Store => aws.Services.GetRequiredService<ICustomerStore>();

    [Fact]
    public async Task RawItems_HoldNeitherTheAddressNorTheName_AndTheAddressIsKeyedByKmsMac()
    {
        var customer = NewCustomer();
        await Store.CreateAsync(customer, default);
        var created = await RawItems.ScanAsync(aws.DynamoDb, aws.Table);
        var moved = customer with { Email = "Grace." + customer.Email, Name = "Grace Brewster Hopper" };
        await Store.UpdateAsync(moved, 1, default);
        var updated = await RawItems.ScanAsync(aws.DynamoDb, aws.Table);

        AssertHoldsNone(created, customer.Email!, customer.Name!);
        AssertHoldsNone(updated, customer.Email!, customer.Name!, moved.Email!, moved.Name!);
        var item = Assert.Single(updated, i => i.GetS(TableLayout.Pk) == "CUSTOMER#" + customer.Id);
        var emailItem = Assert.Single(updated, i => i.GetS("customerId") == customer.Id);
        var key = emailItem.GetS(TableLayout.Pk)!["CUSTOMEREMAIL#".Length..];
        Assert.Equal(key, item.GetS("emailHash"));
        Assert.True(await IsKmsMacAsync(CustomerPrivacy.NormalizeEmail(moved.Email)!, key));
        Assert.NotEqual(Sha256Hex(CustomerPrivacy.NormalizeEmail(moved.Email)!), key);
        Assert.StartsWith("pd1.", JsonDocument.Parse(item.GetS("doc")!).RootElement.GetProperty("email").GetString(), StringComparison.Ordinal);
        Assert.Equal((moved.Email, moved.Name), await Store.FindByEmailAsync(moved.Email!.ToUpperInvariant(), default) is { } found ? (found.Email, found.Name) : default);
    }

    [Fact]
    public async Task Profile_IsReadWithKmsOutOfReach_WhileTheCustomerIsNot()
    {
        var customer = NewCustomer() with { SegmentIds = ["seg_vip"], Attributes = JsonDocument.Parse("""{"tier":"gold"}""").RootElement };
        await Store.CreateAsync(customer, default);

        // Another process whose KMS endpoint answers nothing: whatever calls KMS fails there.
        var settings = new Dictionary<string, string?>(aws.AdapterSettings) { ["Aws:Endpoints:kms"] = "http://127.0.0.1:9" };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await using var elsewhere = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddAwsAdapters(configuration).BuildServiceProvider();
        var store = elsewhere.GetRequiredService<ICustomerStore>();

        var profile = await store.GetProfileAsync(customer.Id, default);

        Assert.Equal(["seg_vip"], profile?.SegmentIds);
        Assert.Equal("gold", profile?.Attributes?.GetProperty("tier").GetString());
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => store.GetAsync(customer.Id, default));
        Assert.Contains("127.0.0.1:9", refused.Message, StringComparison.Ordinal);
        Assert.Equal(customer.Email, (await Store.GetAsync(customer.Id, default))?.Email);
    }

    [Fact]
    public async Task AdminApi_OnAws_CreatesAndReadsBackTheAddress_WhileTheItemsHoldNone()
    {
        using var host = new AdminOnAws(aws, new Dictionary<string, string>());
        using var admin = host.As(Roles.Admin);
        var email = $"Hedy.Lamarr.{Guid.NewGuid():N}@Example.ORG";
        const string name = "Hedwig Eva Maria Kiesler";

        var created = await admin.PostAsJsonAsync("/admin/customers", new { email, name, segmentIds = Array.Empty<string>() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var read = await admin.GetFromJsonAsync<JsonElement>($"/admin/customers/{id}");
        var twin = await admin.PostAsJsonAsync("/admin/customers", new { email = email.ToLowerInvariant(), name = "Someone Else" });

        Assert.Equal((email, name), (read.GetProperty("email").GetString(), read.GetProperty("name").GetString()));
        Assert.Equal(HttpStatusCode.Conflict, twin.StatusCode);
        Assert.Equal("duplicate", (await twin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var items = await RawItems.ScanAsync(aws.DynamoDb, aws.Table);
        Assert.Contains(items, i => i.GetS(TableLayout.Pk) == "CUSTOMER#" + id);
        Assert.Contains(items, i => i.GetS("customerId") == id);
        AssertHoldsNone(items, email, name);
    }

    private static Customer NewCustomer()
    {
        var id = Ids.New("cus", TimeProvider.System);
        var local = "Ada.Lovelace." + Guid.NewGuid().ToString("N")[..12];
        return new Customer(id, $" {local}@Example.COM ", "Augusta Ada King-Noël", null, [], TimeProvider.System.GetUtcNow(), null, PurchaseHistory.None);
    }

    private static void AssertHoldsNone(List<Dictionary<string, AttributeValue>> items, params string[] secrets)
    {
        Assert.NotEmpty(items);
        foreach (var text in items.SelectMany(RawItems.Texts))
        {
            foreach (var secret in secrets.Select(s => s.Trim()))
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    private async Task<bool> IsKmsMacAsync(string message, string hex)
    {
        var verified = await aws.Kms.VerifyMacAsync(new VerifyMacRequest
        {
            KeyId = aws.LookupKey,
            MacAlgorithm = MacAlgorithmSpec.HMAC_SHA_256,
            Message = new MemoryStream(Encoding.UTF8.GetBytes(message)),
            Mac = new MemoryStream(Convert.FromHexString(hex)),
        });
        return verified.MacValid == true;
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
