using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Contracts.Support;

namespace Promotions.Contracts.Stores;

/// <summary>
/// The <see cref="IPromotionSearch"/> contract; adapters supply the index. Every search filters on this
/// test's own campaign, so tests sharing an index never see each other's promotions.
/// </summary>
public abstract class PromotionSearchContract : IAsyncLifetime
{
    private static readonly DateTimeOffset July = new(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly string _campaignId = "cmp_" + Guid.NewGuid().ToString("N");

    protected IPromotionSearch Search { get; private set; } = null!;

    protected abstract Task<IPromotionSearch> CreateSearchAsync();

    public async Task InitializeAsync() => Search = await CreateSearchAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> HostileTexts => new()
    {
        "\"", "\"\"\"", "'", "*", "summer*", "NEAR", "NEAR(summer shoes, 2)", "summer OR", "AND OR NOT", "-summer", "+",
        "name:summer", ":", "(", ")", "(summer", "summer)", "{name}: x", "^summer", "a\0b", "\u0001\u001f", "\\",
        "été 夏 🎉 Ω", "e\u0301te\u0301", "\ud800", "%_[]", "summer; DROP TABLE promotion_search; --",
        new string('x', 10_240), string.Concat(Enumerable.Repeat("summer OR \"(", 1_000)),
    };

    [Fact]
    public async Task Search_ByWord_FindsNameOrDescriptionMatchesOnly()
    {
        var byName = await IndexAsync("Summer shoes sale", "Twenty percent off");
        var byDescription = await IndexAsync("Clearance", "Last summer stock");
        await IndexAsync("Winter coats", "Warm things");

        var found = await SearchAsync("summer");

        Assert.Equal([byName.Id, byDescription.Id], found.Items);
    }

    [Fact]
    public async Task Search_LastWordMatchesAsPrefix_AndWordsCombineWithAnd()
    {
        var match = await IndexAsync("Summer shoes", null);
        await IndexAsync("Summer hats", null);

        Assert.Equal([match.Id], (await SearchAsync("summer sho")).Items);
        Assert.Empty((await SearchAsync("sho summer winter")).Items);
    }

    [Fact]
    public async Task Search_IgnoresCaseAndDiacritics()
    {
        var match = await IndexAsync("Été crème brûlée", null);

        Assert.Equal([match.Id], (await SearchAsync("ETE CREME brulee")).Items);
    }

    [Fact]
    public async Task Search_WithFilters_KeepsOnlyMatchingPromotions()
    {
        var match = await IndexAsync("Summer deal", null, p => p with { Status = LifecycleStatus.Paused, Kind = PromotionKind.Code, Channels = [Channels.InStore] });
        await IndexAsync("Summer deal", null, p => p with { Status = LifecycleStatus.Active, Kind = PromotionKind.Code, Channels = [Channels.InStore] });
        await IndexAsync("Summer deal", null, p => p with { Status = LifecycleStatus.Paused, Kind = PromotionKind.Automatic, Channels = [Channels.InStore] });
        await IndexAsync("Summer deal", null, p => p with { Status = LifecycleStatus.Paused, Kind = PromotionKind.Code, Channels = [Channels.Web] });

        var query = new PromotionSearchQuery("summer", LifecycleStatus.Paused, PromotionKind.Code, Channels.InStore, _campaignId);
        var withText = await Search.SearchAsync(query, new ListQuery(), default);
        var withoutText = await Search.SearchAsync(query with { Text = null }, new ListQuery(), default);

        Assert.Equal([match.Id], withText.Items);
        Assert.Equal([match.Id], withoutText.Items);
    }

    [Fact]
    public async Task Search_WithDateRange_KeepsPromotionsWhoseWindowOverlapsIt()
    {
        var inside = await Windowed(July.AddDays(5), July.AddDays(6));
        var straddlesStart = await Windowed(July.AddDays(-5), July.AddDays(1));
        var openEnded = await Windowed(July.AddDays(-30), null);
        var openStart = await Windowed(null, July.AddDays(40));
        var always = await Windowed(null, null);
        await Windowed(July.AddDays(-10), July);
        await Windowed(July.AddDays(31).AddTicks(1), null);

        var found = await Search.SearchAsync(
            new PromotionSearchQuery(CampaignId: _campaignId, ActiveFrom: July, ActiveTo: July.AddDays(31)), new ListQuery(), default);

        Assert.Equal(
            new[] { inside.Id, straddlesStart.Id, openEnded.Id, openStart.Id, always.Id }.Order(StringComparer.Ordinal),
            found.Items);
    }

    [Fact]
    public async Task Index_Again_ReplacesTheIndexedTextAndFilters()
    {
        var promotion = await IndexAsync("Summer shoes", null);

        await Search.IndexAsync(promotion with { Name = "Autumn boots", Status = LifecycleStatus.Ended }, default);

        Assert.Empty((await SearchAsync("summer")).Items);
        Assert.Equal([promotion.Id], (await SearchAsync("autumn")).Items);
        var ended = await Search.SearchAsync(new PromotionSearchQuery(Status: LifecycleStatus.Ended, CampaignId: _campaignId), new ListQuery(), default);
        Assert.Equal([promotion.Id], ended.Items);
    }

    [Fact]
    public async Task Remove_TakesThePromotionOutOfEveryResult()
    {
        var promotion = await IndexAsync("Summer shoes", null);

        await Search.RemoveAsync(promotion.Id, default);
        await Search.RemoveAsync(promotion.Id, default);

        Assert.Empty((await SearchAsync("summer")).Items);
        Assert.Empty((await SearchAsync(null)).Items);
    }

    [Fact]
    public async Task Search_RanksNameMatchesAboveDescriptionMatches()
    {
        var inDescription = await IndexAsync("Clearance", "Sandals and more sandals");
        var inName = await IndexAsync("Sandals", "Clearance");

        Assert.Equal([inName.Id, inDescription.Id], (await SearchAsync("sandals")).Items);
    }

    [Theory]
    [InlineData("summer")]
    [InlineData(null)]
    [InlineData("***")]
    public async Task Search_AcrossPages_ReturnsEveryMatchOnce(string? text)
    {
        var indexed = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            indexed.Add((await IndexAsync($"Summer offer {i}", null)).Id);
        }

        var found = new List<string>();
        string? after = null;
        var pages = 0;
        do
        {
            var page = await Search.SearchAsync(new PromotionSearchQuery(text, CampaignId: _campaignId), new ListQuery(after, 3), default);
            found.AddRange(page.Items);
            after = page.NextCursor is null ? null : Cursor.Decode(page.NextCursor).Value;
            pages++;
        }
        while (after is not null && pages < 100);

        Assert.Equal(3, pages);
        Assert.Equal(indexed.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(HostileTexts))]
    public async Task Search_WithHostileText_NeverThrows(string text)
    {
        var promotion = await IndexAsync("Summer NEAR shoes \"quoted\" (x) é 夏", "a:b * c");

        var page = await SearchAsync(text);

        Assert.All(page.Items, id => Assert.Equal(promotion.Id, id));
    }

    private Task<Page<string>> SearchAsync(string? text) =>
        Search.SearchAsync(new PromotionSearchQuery(text, CampaignId: _campaignId), new ListQuery(), default);

    private Task<Promotion> Windowed(DateTimeOffset? starts, DateTimeOffset? ends) =>
        IndexAsync("Windowed", null, p => p with { StartsAt = starts, EndsAt = ends });

    private async Task<Promotion> IndexAsync(string name, string? description, Func<Promotion, Promotion>? change = null)
    {
        var promotion = new Promotion(
            Ids.New("prm", _clock), _campaignId, name, description, PromotionKind.Automatic, null, null, LifecycleStatus.Active,
            Json.Parse("""{"type":"amount_off","amount":10}"""), [], [Channels.Web], 0, Stacking.Default, null, 0, null,
            _clock.GetUtcNow(), _clock.GetUtcNow());
        promotion = change?.Invoke(promotion) ?? promotion;
        await Search.IndexAsync(promotion, default);
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        return promotion;
    }
}
