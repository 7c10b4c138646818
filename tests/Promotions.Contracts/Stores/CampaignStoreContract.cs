using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Contracts.Support;

namespace Promotions.Contracts.Stores;

/// <summary>The <see cref="ICampaignStore"/> contract; adapters supply the store.</summary>
public abstract class CampaignStoreContract : VersionedStoreContract<Campaign>
{
    protected ICampaignStore Store { get; private set; } = null!;

    protected abstract Task<ICampaignStore> CreateStoreAsync();

    public override async Task InitializeAsync() => Store = await CreateStoreAsync();

    protected override Campaign NewItem() => new(
        Ids.New("cmp", Clock),
        "Summer sale",
        "Twenty percent off \"everything\" – été",
        Samples.OddInstant,
        Samples.OddInstant.AddDays(30),
        LifecycleStatus.Scheduled,
        Scope,
        new Budget(10_000.125m, "EUR", 12.5m),
        "seg_1",
        "cty_seasonal",
        Clock.GetUtcNow(),
        Clock.GetUtcNow().AddTicks(1));

    protected override Campaign Changed(Campaign item) =>
        item with { Name = "Renamed", Status = LifecycleStatus.Active, Budget = null, EndsAt = null };

    protected override string IdOf(Campaign item) => item.Id;

    protected override long VersionOf(Campaign item) => item.Version;

    protected override Task<Campaign?> GetAsync(string id) => Store.GetAsync(id, default);

    protected override Task<WriteResult<Campaign>> CreateAsync(Campaign item) => Store.CreateAsync(item, default);

    protected override Task<WriteResult<Campaign>> UpdateAsync(Campaign item, long expectedVersion) =>
        Store.UpdateAsync(item, expectedVersion, default);

    protected override Task<WriteStatus> DeleteAsync(string id, long expectedVersion) => Store.DeleteAsync(id, expectedVersion, default);

    protected override Task<Page<Campaign>> ListAsync(ListQuery page) => Store.ListAsync(new CampaignFilter(Owner: Scope), page, default);

    [Fact]
    public async Task List_WithANameSearch_KeepsNamesHoldingItInAnyCaseAcrossPages()
    {
        foreach (var name in new[] { "Summer SALE", "Winter", "Big sale of summer", "Salt", "sale" })
        {
            await Store.CreateAsync(NewItem() with { Name = name }, default);
        }

        var filter = new CampaignFilter(Owner: Scope, NameContains: CampaignFilter.SearchForm("SaLe"));
        var first = await Store.ListAsync(filter, new ListQuery(Limit: 2), default);
        var second = await Store.ListAsync(filter, new ListQuery(Cursor.Decode(first.NextCursor).Value, 2), default);
        var draft = await Store.ListAsync(filter with { Status = LifecycleStatus.Draft }, new ListQuery(Limit: 10), default);

        Assert.Equal(2, first.Items.Count);
        Assert.Equal(["Big sale of summer", "Summer SALE", "sale"], first.Items.Concat(second.Items).Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.Null(second.NextCursor);
        Assert.Empty(draft.Items);
    }

    [Fact]
    public async Task GetMany_SkipsMissingIds()
    {
        var first = NewItem();
        var second = NewItem();
        await Store.CreateAsync(first, default);
        await Store.CreateAsync(second, default);

        var found = await Store.GetManyAsync([first.Id, "cmp_missing", second.Id], default);

        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), found.Select(c => c.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task List_WithFilters_ReturnsOnlyMatchingCampaigns()
    {
        var active = NewItem() with { Status = LifecycleStatus.Active, CampaignTypeId = "cty_a" };
        var draft = NewItem() with { Status = LifecycleStatus.Draft, CampaignTypeId = "cty_a" };
        var otherType = NewItem() with { Status = LifecycleStatus.Active, CampaignTypeId = "cty_b" };
        foreach (var campaign in new[] { active, draft, otherType })
        {
            await Store.CreateAsync(campaign, default);
        }

        var byStatus = await Store.ListAsync(new CampaignFilter(LifecycleStatus.Active, Owner: Scope), new ListQuery(), default);
        var byBoth = await Store.ListAsync(new CampaignFilter(LifecycleStatus.Active, "cty_a", Scope), new ListQuery(), default);

        Assert.Equal(new[] { active.Id, otherType.Id }.Order(StringComparer.Ordinal), byStatus.Items.Select(c => c.Id));
        Assert.Equal(active.Id, Assert.Single(byBoth.Items).Id);
    }

    [Fact]
    public async Task Update_WhenStatusChanges_ListFilterFollows()
    {
        var campaign = NewItem() with { Status = LifecycleStatus.Draft };
        await Store.CreateAsync(campaign, default);

        await Store.UpdateAsync(campaign with { Status = LifecycleStatus.Active }, 1, default);

        Assert.Empty((await Store.ListAsync(new CampaignFilter(LifecycleStatus.Draft, Owner: Scope), new ListQuery(), default)).Items);
        Assert.Single((await Store.ListAsync(new CampaignFilter(LifecycleStatus.Active, Owner: Scope), new ListQuery(), default)).Items);
    }
}
