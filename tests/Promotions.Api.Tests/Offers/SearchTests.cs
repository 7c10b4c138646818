using System.Net;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Api.Tests.Offers;

public sealed class SearchTests : PromotionApiTest
{
    [Fact]
    public async Task Search_ByTextAndFilters_ReturnsMatchingPublicSummaries()
    {
        var (shoes, _, codes) = await SeedAsync();

        var byText = await Channel.GetJsonAsync("/offers/search?q=shoes");
        var byKind = await Channel.GetJsonAsync("/offers/search?kind=code");
        var byTextAndStatus = await Channel.GetJsonAsync("/offers/search?q=summer&status=draft");

        Assert.Equal([shoes], byText.GetProperty("items").Strings("id"));
        Assert.Equal([codes], byKind.GetProperty("items").Strings("id"));
        Assert.Equal([codes], byTextAndStatus.GetProperty("items").Strings("id"));
        Assert.False(byText.GetProperty("items")[0].TryGetProperty("maxRedemptions", out _));
    }

    [Fact]
    public async Task Search_WithLimit_PagesWithACursor()
    {
        await SeedAsync();

        var first = await Channel.GetJsonAsync("/offers/search?limit=2");
        var cursor = Uri.EscapeDataString(first.GetProperty("nextCursor").GetString()!);
        var second = await Channel.GetJsonAsync($"/offers/search?limit=2&cursor={cursor}");

        Assert.Equal(2, first.GetProperty("items").GetArrayLength());
        Assert.Single(second.GetProperty("items").EnumerateArray());
        Assert.False(second.TryGetProperty("nextCursor", out _));
    }

    [Theory]
    [InlineData("\"unbalanced")]
    [InlineData("shoes OR NEAR(")]
    [InlineData("*")]
    [InlineData("'; DROP TABLE promotions;--")]
    [InlineData("name:shoes AND -{}^")]
    [InlineData("ünïcödé 🎉")]
    public async Task Search_WhenTextIsHostile_AnswersWithoutError(string text)
    {
        await SeedAsync();

        var result = await Channel.GetJsonAsync("/offers/search?q=" + Uri.EscapeDataString(text));

        Assert.Equal(System.Text.Json.JsonValueKind.Array, result.GetProperty("items").ValueKind);
    }

    [Theory]
    [InlineData("status=running", "status")]
    [InlineData("kind=voucher", "kind")]
    [InlineData("channel=fax", "channel")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2026-06-01&to=2026-05-01", "to")]
    [InlineData("limit=500", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Search_WhenParameterInvalid_ReturnsProblemWithParameterName(string query, string path)
    {
        var problem = await Channel.GetJsonAsync("/offers/search?" + query, HttpStatusCode.BadRequest);

        Assert.Equal([path], Http.ErrorPaths(problem));
    }

    [Fact]
    public async Task Search_WhenTextTooLong_ReturnsProblemOnQ()
    {
        var problem = await Channel.GetJsonAsync("/offers/search?q=" + new string('a', 201), HttpStatusCode.BadRequest);

        Assert.Equal(["q"], Http.ErrorPaths(problem));
    }

    private async Task<(string Shoes, string Bags, string Codes)> SeedAsync()
    {
        var campaign = await Seed.CampaignAsync();
        var shoes = await Seed.PromotionAsync(campaign, "Shoes week", description: "All running shoes");
        var bags = await Seed.PromotionAsync(campaign, "Bags deal", description: "Leather bags");
        var codes = await Seed.PromotionAsync(campaign, "Summer codes", kind: PromotionKind.Code, status: LifecycleStatus.Draft);
        return (shoes.Id, bags.Id, codes.Id);
    }
}
