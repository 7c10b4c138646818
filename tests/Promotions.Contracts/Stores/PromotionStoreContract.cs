using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Contracts.Support;

namespace Promotions.Contracts.Stores;

/// <summary>
/// The <see cref="IPromotionStore"/> contract; adapters supply the store and the outbox it writes to. Every write
/// here passes the events <see cref="CatalogEvents.PromotionWritten"/> builds, as the Admin API does.
/// </summary>
public abstract class PromotionStoreContract : VersionedStoreContract<Promotion>
{
    private static readonly DateTimeOffset Now = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    protected IPromotionStore Store { get; private set; } = null!;

    /// <summary>The outbox the store's writes go to.</summary>
    protected abstract IOutbox Outbox { get; }

    protected abstract Task<IPromotionStore> CreateStoreAsync();

    public override async Task InitializeAsync() => Store = await CreateStoreAsync();

    protected override Promotion NewItem()
    {
        var id = Ids.New("prm", Clock);
        return new Promotion(
            id,
            Scope,
            "20% off shoes",
            "Summer – été",
            PromotionKind.Code,
            Samples.OddInstant,
            Samples.OddInstant.AddDays(10),
            LifecycleStatus.Active,
            Json.Parse("""{"type":"percent_off","percent":20.50,"target":{"scope":"order"}}"""),
            [
                new Rule("rul_1", id, "eligibility", Samples.TrickyJson, 2),
                new Rule("rul_2", id, "cart", Json.Parse("""{"fact":"cart.subtotal","op":"gte","value":50}""")),
            ],
            [Channels.Web, Channels.MobileApp],
            10,
            new Stacking(true, "shoes"),
            1000,
            17,
            2,
            Clock.GetUtcNow(),
            Clock.GetUtcNow());
    }

    protected override Promotion Changed(Promotion item) =>
        item with { Name = "Renamed", Rules = [], Channels = [Channels.Email], MaxRedemptions = null, Stacking = Stacking.Default };

    protected override string IdOf(Promotion item) => item.Id;

    protected override long VersionOf(Promotion item) => item.Version;

    protected override Task<Promotion?> GetAsync(string id) => Store.GetAsync(id, default);

    protected override Task<WriteResult<Promotion>> CreateAsync(Promotion item) =>
        Store.CreateAsync(item, CatalogEvents.PromotionWritten(null, item with { Version = 1 }, Clock), default);

    protected override Task<WriteResult<Promotion>> UpdateAsync(Promotion item, long expectedVersion) =>
        Store.UpdateAsync(item, expectedVersion, CatalogEvents.PromotionWritten(null, item with { Version = expectedVersion + 1 }, Clock), default);

    protected override Task<WriteStatus> DeleteAsync(string id, long expectedVersion) => Store.DeleteAsync(id, expectedVersion, default);

    protected override Task<Page<Promotion>> ListAsync(ListQuery page) => Store.ListAsync(new PromotionFilter(Scope), page, default);

    [Fact]
    public async Task CreateAndUpdate_WriteTheirEventsWithTheChange()
    {
        var draft = NewItem() with { Status = LifecycleStatus.Draft };
        var createEvents = CatalogEvents.PromotionWritten(null, draft, Clock);
        var active = draft with { Status = LifecycleStatus.Active, Version = 2 };
        var updateEvents = CatalogEvents.PromotionWritten(draft, active, Clock);

        await Store.CreateAsync(draft, createEvents, default);
        await Store.UpdateAsync(active, 1, updateEvents, default);

        var changes = await OutboxReader.PendingAsync<PromotionChanged>(Outbox, e => e.PromotionId == draft.Id);
        var published = await OutboxReader.PendingAsync<PromotionPublished>(Outbox, e => e.PromotionId == draft.Id);
        Assert.Equal(new[] { (1L, LifecycleStatus.Draft), (2L, LifecycleStatus.Active) }, changes.Select(c => (c.PromotionVersion, c.Status)).Order());
        var live = Assert.Single(published);
        Assert.Equal(updateEvents.OfType<PromotionPublished>().Single() with { Channels = live.Channels }, live);
        Assert.Equal(active.Channels, live.Channels);
    }

    [Fact]
    public async Task RefusedWrites_WriteNoEvents()
    {
        var promotion = NewItem();
        await CreateAsync(promotion);
        var duplicate = CatalogEvents.PromotionWritten(null, promotion, Clock);
        var stale = CatalogEvents.PromotionWritten(promotion, promotion with { Version = 2 }, Clock);
        var missing = NewItem();
        var unknown = CatalogEvents.PromotionWritten(missing, missing with { Version = 2 }, Clock);

        Assert.Equal(WriteStatus.Duplicate, (await Store.CreateAsync(promotion, duplicate, default)).Status);
        Assert.Equal(WriteStatus.VersionConflict, (await Store.UpdateAsync(promotion, 7, stale, default)).Status);
        Assert.Equal(WriteStatus.NotFound, (await Store.UpdateAsync(missing, 1, unknown, default)).Status);

        var pending = await OutboxReader.PendingIdsAsync(Outbox);
        Assert.DoesNotContain(pending, id => duplicate.Concat(stale).Concat(unknown).Any(e => e.EventId == id));
    }

    [Fact]
    public async Task Update_WhenManyRaceWithTheSameVersion_OnlyTheWinnersEventsAreWritten()
    {
        var promotion = NewItem();
        await CreateAsync(promotion);
        var attempts = Enumerable.Range(0, 100)
            .Select(i => (Item: promotion with { Name = $"Attempt {i}" }, Events: CatalogEvents.PromotionWritten(promotion, promotion with { Version = 2 }, Clock)))
            .ToList();

        var results = await Task.WhenAll(attempts.Select(a => Task.Run(() => Store.UpdateAsync(a.Item, 1, a.Events, default))));

        var winner = attempts[Array.FindIndex(results, r => r.Status == WriteStatus.Written)];
        var written = await OutboxReader.PendingAsync<PromotionChanged>(Outbox, e => e.PromotionId == promotion.Id && e.PromotionVersion == 2);
        Assert.Equal(winner.Events.Select(e => e.EventId), written.Select(e => e.EventId));
        Assert.Equal(winner.Item.Name, (await Store.GetAsync(promotion.Id, default))!.Name);
    }

    [Fact]
    public async Task Create_KeepsRuleConditionsAndEffectJsonExactly()
    {
        var promotion = NewItem();
        await CreateAsync(promotion);

        var stored = (await Store.GetAsync(promotion.Id, default))!;

        Samples.AssertTrickyJson(stored.Rules[0].Condition);
        Assert.Equal("20.50", stored.Effect.GetProperty("percent").GetRawText());
    }

    [Fact]
    public async Task Create_KeepsPeriodLimitsAndThePacingMark()
    {
        var promotion = NewItem() with
        {
            PeriodLimits = [new PeriodLimit(LimitPeriod.Day, 500), new PeriodLimit(LimitPeriod.Week, 2, PerCustomer: true)],
            Paced = true,
        };
        await CreateAsync(promotion);

        var stored = (await Store.GetAsync(promotion.Id, default))!;

        Assert.Equal(promotion.PeriodLimits, stored.PeriodLimits);
        Assert.True(stored.Paced);
    }

    [Fact]
    public async Task List_WithFilters_ReturnsOnlyMatchingPromotions()
    {
        var match = NewItem() with { Status = LifecycleStatus.Paused, Kind = PromotionKind.Automatic, Channels = [Channels.InStore] };
        var otherChannel = match with { Id = Ids.New("prm", Clock), Channels = [Channels.Web] };
        var otherKind = match with { Id = Ids.New("prm", Clock), Kind = PromotionKind.Code };
        var otherStatus = match with { Id = Ids.New("prm", Clock), Status = LifecycleStatus.Active };
        foreach (var promotion in new[] { match, otherChannel, otherKind, otherStatus })
        {
            await CreateAsync(promotion);
        }

        var found = await Store.ListAsync(
            new PromotionFilter(Scope, LifecycleStatus.Paused, PromotionKind.Automatic, Channels.InStore), new ListQuery(), default);
        var elsewhere = await Store.ListAsync(new PromotionFilter("cmp_" + Guid.NewGuid().ToString("N")), new ListQuery(), default);

        Assert.Equal(match.Id, Assert.Single(found.Items).Id);
        Assert.Empty(elsewhere.Items);
    }

    [Fact]
    public async Task List_ByChannel_FollowsChannelChanges()
    {
        var promotion = NewItem();
        await CreateAsync(promotion);

        await UpdateAsync(promotion with { Channels = [Channels.Partner] }, 1);

        Assert.Empty((await Store.ListAsync(new PromotionFilter(Scope, Channel: Channels.Web), new ListQuery(), default)).Items);
        Assert.Single((await Store.ListAsync(new PromotionFilter(Scope, Channel: Channels.Partner), new ListQuery(), default)).Items);
    }

    [Fact]
    public async Task ListLive_ReturnsActivePromotionsWhoseWindowHoldsNow()
    {
        var open = Window(null, null);
        var running = Window(Now.AddDays(-1), Now.AddDays(1));
        var startsNow = Window(Now, null);
        var openStart = Window(null, Now.AddTicks(1));
        var endsNow = Window(null, Now);
        var future = Window(Now.AddTicks(1), null);
        var past = Window(Now.AddDays(-2), Now.AddDays(-1));
        var paused = Window(null, null) with { Status = LifecycleStatus.Paused };
        var scheduled = Window(Now.AddDays(-1), null) with { Status = LifecycleStatus.Scheduled };
        foreach (var promotion in new[] { open, running, startsNow, openStart, endsNow, future, past, paused, scheduled })
        {
            await CreateAsync(promotion);
        }

        var live = await Store.ListLiveAsync(Now, default);

        Assert.Equal(
            new[] { open.Id, running.Id, startsNow.Id, openStart.Id }.Order(StringComparer.Ordinal),
            live.Where(p => p.CampaignId == Scope).Select(p => p.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ListLive_ComparesInstantsWhateverTheirOffset()
    {
        // 13:00 at +02:00 is 11:00 UTC: already started at 12:00 UTC, though "13" > "12" as local text.
        var started = Window(new DateTimeOffset(2026, 7, 1, 13, 0, 0, TimeSpan.FromHours(2)), null);
        await CreateAsync(started);

        var live = await Store.ListLiveAsync(Now, default);

        Assert.Contains(live, p => p.Id == started.Id);
    }

    private Promotion Window(DateTimeOffset? starts, DateTimeOffset? ends) =>
        NewItem() with { StartsAt = starts, EndsAt = ends, Status = LifecycleStatus.Active };
}
