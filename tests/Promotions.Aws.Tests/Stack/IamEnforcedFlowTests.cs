using System.Text.Json;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The permissions of template.yaml proven by running the product on them: the deployed stack's flow
/// (<see cref="StackFlow"/>) with moto enforcing IAM and every function, and every event source mapping's poll,
/// signing with a session of its own function's role. A call the role does not allow is refused (403) and fails the
/// flow. What moto's enforcement does not check is in docs/deploy.md.
/// </summary>
public sealed class IamEnforcedFlowTests(IamEnforcedStackFixture fixture) : IClassFixture<IamEnforcedStackFixture>
{
    [Fact]
    public void Functions_SignWithTheirOwnRolesSessions()
    {
        var keys = fixture.Stack.Functions.Values.Select(f => f.Settings.All["Aws:AccessKeyId"]).ToList();

        Assert.Equal(TemplateRoles.Functions.Order(StringComparer.Ordinal), fixture.Stack.Functions.Keys.Order(StringComparer.Ordinal));
        Assert.All(keys, k => Assert.StartsWith("ASIA", k, StringComparison.Ordinal));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(fixture.Stack.Functions.Values, f => Assert.False(string.IsNullOrEmpty(f.Settings.All["Aws:SessionToken"])));
    }

    [Fact]
    public async Task Flow_WithEachFunctionOnItsOwnRole_AdminToRedemptionToAnalytics()
    {
        var (marketer, analyst) = fixture.Staff;

        await new StackFlow(fixture.Stack).RunAsync(marketer, analyst);
    }

    /// <summary>
    /// The code-guessing lockout counts an unknown code in an item of its own, which the offers and validation
    /// functions may update only under their <c>dynamodb:LeadingKeys</c> condition (<c>CODEATTEMPTS#*</c>).
    /// </summary>
    [Fact]
    public async Task UnknownCodes_AreCountedByOffersAndValidation_UnderTheirCodeAttemptsGrant()
    {
        var checkout = fixture.Stack.Pool.MachineToken(StackFlow.Channel, "promotions/offers:read promotions/validate");
        var code = "NOSUCH" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        var lookup = await fixture.Stack.Api.SendAsync("GET", $"/offers/codes/{code}", checkout);
        var quote = await fixture.Stack.Api.SendJsonAsync("POST", "/validate", checkout, new { channel = "web", codes = new[] { code }, cart = StackFlow.Cart });

        Assert.Equal("unknown", lookup.Expect(200).GetProperty("status").GetString());
        quote.Expect(200);
    }

    /// <summary>What the flow leaves out of the Admin function's role: the keys of personal data, and the assets bucket through presigned URLs.</summary>
    [Fact]
    public async Task CustomersAndAssets_WithTheAdminFunctionsRole_SealTheAddressAndUploadThroughPresignedUrls()
    {
        var (marketer, _) = fixture.Staff;
        var api = fixture.Stack.Api;
        var email = $"iam.{Guid.NewGuid():N}@example.org";
        var bytes = new byte[2048];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);

        var customer = (await api.SendJsonAsync("POST", "/admin/customers", marketer, new { email, name = "Ada", segmentIds = Array.Empty<string>() })).Expect(201);
        var read = (await api.SendAsync("GET", $"/admin/customers/{customer.GetProperty("id").GetString()}", marketer)).Expect(200);
        var session = (await api.SendJsonAsync("POST", "/admin/assets/uploads", marketer, new { fileName = "iam.png", contentType = "image/png", size = bytes.Length })).Expect(201);
        using var put = await Presigned.SendAsync(Upload(session.GetProperty("upload"), bytes));
        Assert.True(put.IsSuccessStatusCode, $"the presigned PUT answered {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync()}");
        var ready = (await api.SendAsync("POST", session.GetProperty("complete").GetString()!, marketer)).Expect(200);
        using var download = await Presigned.GetAsync(new Uri(ready.GetProperty("download").GetProperty("url").GetString()!));

        Assert.Equal(email, read.GetProperty("email").GetString());
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
    }

    private static readonly HttpClient Presigned = new();

    private static HttpRequestMessage Upload(JsonElement upload, byte[] body)
    {
        var request = new HttpRequestMessage(new HttpMethod(upload.GetProperty("method").GetString()!), upload.GetProperty("url").GetString()) { Content = new ByteArrayContent(body) };
        foreach (var header in upload.GetProperty("headers").EnumerateObject().Where(h => !h.NameEquals("Content-Length")))
        {
            if (!request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString()))
            {
                request.Content.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
            }
        }

        return request;
    }
}
