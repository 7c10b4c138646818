using System.Net;
using System.Text.Json;

namespace Promotions.Api.Tests.Redemption;

/// <summary><c>GET /redemptions?orderId=|code=</c> over real HTTP: newest first, partner-scoped, validated.</summary>
public sealed class RedemptionLookupApiTests(RedemptionApiFixture host) : IClassFixture<RedemptionApiFixture>
{
    [Fact]
    public async Task Find_ByOrderIdAndByCode_ListsTheRecordsNewestFirstAndOnlyTheCallersOwnToABoundClient()
    {
        var seeded = await host.SeedAsync(codes: 1, codeUses: 5);
        var staff = host.Channel();
        using var store = host.BoundChannel("store-lookup", ["in_store"], "p1");
        using var first = await RedemptionApiFixture.PostAsync(staff, "/redemptions",
            RedemptionApiFixture.Order(seeded, code: seeded.Codes[0], orderId: "lookup-1"), "lookup-a");
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        using var second = await RedemptionApiFixture.PostAsync(staff, "/redemptions", RedemptionApiFixture.Order(seeded, code: seeded.Codes[0], orderId: "lookup-1"), "lookup-b");
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created), (first.StatusCode, second.StatusCode));

        var byOrder = await IdsAsync(staff, "/redemptions?orderId=lookup-1");
        var byCode = await IdsAsync(staff, "/redemptions?code=" + Uri.EscapeDataString(seeded.Codes[0].ToLowerInvariant()));
        var foreign = await IdsAsync(store, "/redemptions?orderId=lookup-1");

        Assert.Equal([IdOf(await second.Content.ReadAsStringAsync()), IdOf(await first.Content.ReadAsStringAsync())], byOrder);
        Assert.Equal(byOrder, byCode);
        Assert.Empty(foreign);
        Assert.Empty(await IdsAsync(staff, "/redemptions?orderId=lookup-none"));
    }

    [Theory]
    [InlineData("/redemptions", "$.orderId")]
    [InlineData("/redemptions?orderId=a&code=B", "$.orderId")]
    [InlineData("/redemptions?orderId=", "$.orderId")]
    [InlineData("/redemptions?code=---", "$.code")]
    public async Task Find_WhenTheQueryIsWrong_Returns400WithThePath(string path, string expected)
    {
        using var response = await host.Channel().GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(expected, problem.RootElement.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Find_WhenAValueIsLongerThan128Characters_Returns400()
    {
        using var response = await host.Channel().GetAsync("/redemptions?orderId=" + new string('x', 129));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<string[]> IdsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return [.. document.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!)];
    }

    private static string IdOf(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.GetProperty("id").GetString()!;
    }
}
