using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Promotions.Aws.Catalog;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Search;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Support;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.Aws.Tests.Catalog;

/// <summary>
/// The per-process caches of the live promotions and of the search index, each store instance (with a catalog
/// version reader of its own) standing for one process: a process sees its own writes at once and another's within
/// the version's read interval, and reads nothing again while the catalog version stays where it was.
/// </summary>
public sealed class CatalogVersionCacheTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly string _campaignId = "cmp_" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task ListLive_SeesAWriteOfAnotherInstance_AndReadsNothingAgainWhileTheVersionStays()
    {
        using var reader = Store();
        using var writer = Store();
        var first = Active("First");
        await writer.CreateAsync(first, CatalogEvents.PromotionWritten(null, first, _clock), default);
        Assert.Contains(await LiveAsync(reader), p => p.Id == first.Id);

        // Past the settling time the loaded list is trusted for this version: an item that reaches the index without
        // a version change (written here behind the stores' back) is not seen...
        _clock.Advance(CatalogCache<IReadOnlyList<Promotion>>.Settle + TimeSpan.FromSeconds(1));
        await LiveAsync(reader);
        var sneaked = Active("Sneaked");
        var item = new VersionedItems<Promotion>(aws.DynamoDb, aws.Table, DynamoDbPromotionStore.Schema).ItemOf(sneaked);
        await aws.DynamoDb.PutItemAsync(new PutItemRequest { TableName = aws.Table, Item = item });
        Assert.DoesNotContain(await LiveAsync(reader), p => p.Id == sneaked.Id);

        // ...until a write through any instance moves the version on, which the reader sees within its read interval.
        var paused = first with { Status = LifecycleStatus.Paused, Version = 2 };
        await writer.UpdateAsync(paused, 1, CatalogEvents.PromotionWritten(first, paused, _clock), default);
        Assert.Contains(await LiveAsync(writer), p => p.Id == sneaked.Id);
        Assert.DoesNotContain(await LiveAsync(reader), p => p.Id == sneaked.Id);
        _clock.Advance(CatalogVersion.ReadInterval);
        var live = await LiveAsync(reader);
        Assert.Contains(live, p => p.Id == sneaked.Id);
        Assert.DoesNotContain(live, p => p.Id == first.Id);
    }

    [Fact]
    public async Task Search_SeesAnIndexWriteOfAnotherInstance()
    {
        using var reader = Search();
        using var writer = Search();
        var query = new PromotionSearchQuery("lantern", CampaignId: _campaignId);
        Assert.Empty((await reader.SearchAsync(query, new ListQuery(), default)).Items);

        var promotion = Active("Lantern festival");
        await writer.IndexAsync(promotion, default);
        _clock.Advance(CatalogVersion.ReadInterval);
        Assert.Equal([promotion.Id], (await reader.SearchAsync(query, new ListQuery(), default)).Items);

        await writer.RemoveAsync(promotion.Id, default);
        Assert.Empty((await writer.SearchAsync(query, new ListQuery(), default)).Items);
        _clock.Advance(CatalogVersion.ReadInterval);
        Assert.Empty((await reader.SearchAsync(query, new ListQuery(), default)).Items);
    }

    [Fact]
    public async Task Writes_MoveTheCatalogVersionOn_AndARefusedWriteDoesNot()
    {
        using var store = Store();
        var promotion = Active("Versioned");
        var before = await VersionAsync();

        await store.CreateAsync(promotion, [], default);
        var afterCreate = await VersionAsync();
        await store.UpdateAsync(promotion, 7, [], default);
        var afterRefused = await VersionAsync();
        await store.DeleteAsync(promotion.Id, 1, default);

        Assert.Equal(before + 1, afterCreate);
        Assert.Equal(afterCreate, afterRefused);
        Assert.Equal(afterCreate + 1, await VersionAsync());
    }

    [Fact]
    public async Task PromotionItem_IsInTheLiveIndexOnlyWhileActive()
    {
        using var store = Store();
        var promotion = Active("Indexed");
        await store.CreateAsync(promotion, [], default);
        var live = await RawAsync(promotion.Id);
        await store.UpdateAsync(promotion with { Status = LifecycleStatus.Paused }, 1, [], default);
        var paused = await RawAsync(promotion.Id);

        Assert.Equal(("LIVE", promotion.Id), (live.GetS(TableLayout.Gsi2Pk), live.GetS(TableLayout.Gsi2Sk)));
        Assert.False(paused.ContainsKey(TableLayout.Gsi2Pk));
        Assert.Equal(("PROMOTIONS", promotion.Id, _campaignId), (paused.GetS(TableLayout.Gsi1Pk), paused.GetS(TableLayout.Gsi1Sk), paused.GetS("campaignId")));
    }

    private IOptions<AwsOptions> Options => aws.Services.GetRequiredService<IOptions<AwsOptions>>();

    // Each with a version reader of its own, as a process of its own has.
    private DynamoDbPromotionStore Store() => new(aws.DynamoDb, Options, new CatalogVersion(aws.DynamoDb, Options, _clock), _clock);

    private DynamoDbPromotionSearch Search() => new(aws.DynamoDb, Options, new CatalogVersion(aws.DynamoDb, Options, _clock), _clock);

    private async Task<long> VersionAsync() => (await new CatalogVersion(aws.DynamoDb, Options, _clock).ReadAsync(default)).Version;

    private async Task<IReadOnlyList<Promotion>> LiveAsync(DynamoDbPromotionStore store) =>
        [.. (await store.ListLiveAsync(Now, default)).Where(p => p.CampaignId == _campaignId)];

    private async Task<Dictionary<string, AttributeValue>> RawAsync(string id) =>
        (await aws.DynamoDb.GetItemAsync(aws.Table, Attr.Key("PROMOTION#" + id, "#META"))).Item;

    private Promotion Active(string name) => new(
        Ids.New("prm", _clock), _campaignId, name, null, PromotionKind.Automatic, null, null, LifecycleStatus.Active,
        Json.Parse("""{"type":"amount_off","amount":10}"""), [], ["web"], 0, Stacking.Default, null, 0, null, Now, Now);
}
