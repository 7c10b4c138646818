using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Domain.Scheduling;

namespace Promotions.Contracts.Scheduling;

/// <summary>
/// The schedule on a store: <see cref="IDueStepQuery"/> finds each item from the instant its step falls due and drops it
/// once it has none left, and <see cref="ScheduleRunner"/> on it applies each step exactly once — on time, after a
/// reschedule, never after a cancel, once however often or however many runners run. The items of a test carry ids of
/// their own, and everything is asserted on those only, so adapters whose tests share a store stay independent.
/// </summary>
public abstract class ScheduleRunnerContract
{
    protected static readonly DateTimeOffset T0 = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = T0.AddMinutes(10);
    private static readonly DateTimeOffset End = T0.AddHours(2);

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];

    protected FakeTimeProvider Clock { get; } = new(T0);

    protected abstract IDueStepQuery Due { get; }

    protected abstract ICampaignStore Campaigns { get; }

    protected abstract IPromotionStore Promotions { get; }

    protected abstract IPromotionSearch Search { get; }

    protected abstract IOutbox Outbox { get; }

    [Fact]
    public async Task ListDue_FindsEachItemFromItsStepOn_AndDropsItOnceNoStepIsLeft()
    {
        var (campaign, promotion) = await ScheduleAsync(Start, End);
        var follower = await PromotionAsync("follower", campaign.Id, null, null, LifecycleStatus.Scheduled);
        var draft = await PromotionAsync("draft", campaign.Id, T0, T0.AddMinutes(1), LifecycleStatus.Draft);
        var paused = await PromotionAsync("paused", campaign.Id, null, End, LifecycleStatus.Paused);

        Assert.Empty(await DueCampaignsAsync(Start.AddTicks(-1)));
        Assert.Equal([follower.Id], await DuePromotionsAsync(Start.AddTicks(-1)));
        Assert.Equal([campaign.Id], await DueCampaignsAsync(Start));
        Assert.Equal(Sorted(promotion.Id, follower.Id), await DuePromotionsAsync(Start));

        // Live until the end: found again from it, with every unfinished promotion whose own end has come.
        Clock.SetUtcNow(Start);
        await Runner().RunAsync(default);
        Assert.Empty(await DueCampaignsAsync(End.AddTicks(-1)));
        Assert.Empty(await DuePromotionsAsync(End.AddTicks(-1)));
        Assert.Equal([campaign.Id], await DueCampaignsAsync(End));
        Assert.Equal(Sorted(promotion.Id, paused.Id), await DuePromotionsAsync(End));

        Clock.SetUtcNow(End);
        await Runner().RunAsync(default);
        Assert.Empty(await DueCampaignsAsync(End.AddDays(1)));
        Assert.Empty(await DuePromotionsAsync(End.AddDays(1)));
        Assert.Equal(LifecycleStatus.Draft, (await Promotions.GetAsync(draft.Id, default))!.Status);
    }

    [Fact]
    public async Task Run_GoesLiveAtStartAndEndsAtEnd()
    {
        var (campaign, promotion) = await ScheduleAsync(Start, End);
        var runner = Runner();

        Assert.Empty(Mine(await runner.RunAsync(default)));
        Clock.SetUtcNow(Start);
        var started = Mine(await runner.RunAsync(default));

        Assert.Equal(2, started.Count);
        Assert.Equal(LifecycleStatus.Active, (await Campaigns.GetAsync(campaign.Id, default))!.Status);
        var live = Assert.Single(await Promotions.ListLiveAsync(Start, default), p => p.Id == promotion.Id);
        Assert.Equal(promotion.Version + 1, live.Version);
        var events = await EventsAsync(promotion.Id);
        Assert.Equal([PromotionChanged.TypeName, PromotionChanged.TypeName, PromotionPublished.TypeName], events.Select(e => e.Type));
        Assert.DoesNotContain("\"actor\"", events[0].Payload, StringComparison.Ordinal);
        Assert.All(events.Skip(1), e => Assert.Contains("\"actor\":\"schedule\"", e.Payload, StringComparison.Ordinal));

        Clock.SetUtcNow(End);
        var ended = Mine(await runner.RunAsync(default));

        Assert.Equal(2, ended.Count);
        Assert.All(ended, s => Assert.Equal(LifecycleAction.End, s.Action));
        Assert.Equal(LifecycleStatus.Ended, (await Campaigns.GetAsync(campaign.Id, default))!.Status);
        Assert.Equal(LifecycleStatus.Ended, (await Promotions.GetAsync(promotion.Id, default))!.Status);
        Assert.Equal(4, (await EventsAsync(promotion.Id)).Count);
    }

    [Fact]
    public async Task Run_AfterAReschedule_AppliesTheStepAtTheNewTime()
    {
        var (campaign, promotion) = await ScheduleAsync(Start, End);
        var later = Start.AddMinutes(30);
        await Campaigns.UpdateAsync(campaign with { StartsAt = later }, campaign.Version, default);
        var moved = promotion with { StartsAt = later };
        await Promotions.UpdateAsync(moved, promotion.Version, CatalogEvents.PromotionWritten(promotion, moved with { Version = promotion.Version + 1 }, Clock), default);
        var runner = Runner();

        Clock.SetUtcNow(Start);
        Assert.Empty(Mine(await runner.RunAsync(default)));
        Clock.SetUtcNow(later);

        Assert.Equal(2, Mine(await runner.RunAsync(default)).Count);
        Assert.Equal(LifecycleStatus.Active, (await Promotions.GetAsync(promotion.Id, default))!.Status);
    }

    [Fact]
    public async Task Run_AfterACancel_AppliesNothing()
    {
        var (campaign, promotion) = await ScheduleAsync(Start, End);
        var cancelled = LifecycleGuards.Campaign(campaign, LifecycleAction.End, T0).Value;
        await Campaigns.UpdateAsync(campaign with { Status = cancelled }, campaign.Version, default);
        var runner = Runner();

        Clock.SetUtcNow(Start);
        var applied = Mine(await runner.RunAsync(default));

        // The promotion waits for a campaign that allows it to go live; the ended campaign never will. It ends at its own end.
        Assert.Empty(applied);
        Assert.Equal(LifecycleStatus.Scheduled, (await Promotions.GetAsync(promotion.Id, default))!.Status);
        Assert.Equal(LifecycleStatus.Ended, (await Campaigns.GetAsync(campaign.Id, default))!.Status);
        Assert.Single(await EventsAsync(promotion.Id));
    }

    [Fact]
    public async Task Run_Twice_AppliesEachStepOnce()
    {
        var (_, promotion) = await ScheduleAsync(Start, End);
        var runner = Runner();
        Clock.SetUtcNow(Start.AddHours(1));

        Assert.Equal(2, Mine(await runner.RunAsync(default)).Count);
        Assert.Empty(Mine(await runner.RunAsync(default)));

        Assert.Equal(promotion.Version + 1, (await Promotions.GetAsync(promotion.Id, default))!.Version);
        Assert.Equal(3, (await EventsAsync(promotion.Id)).Count);
    }

    [Fact]
    public async Task Run_ComingBackAfterTheWholeWindow_EndsOnceWithoutGoingLive()
    {
        var (_, promotion) = await ScheduleAsync(Start, End);
        Clock.SetUtcNow(End.AddDays(1));

        var applied = Mine(await Runner().RunAsync(default));

        Assert.Equal(2, applied.Count);
        Assert.All(applied, s => Assert.Equal(LifecycleAction.End, s.Action));
        Assert.Equal([PromotionChanged.TypeName, PromotionChanged.TypeName], (await EventsAsync(promotion.Id)).Select(e => e.Type));
    }

    [Fact]
    public async Task Run_PromotionWithoutItsOwnStart_GoesLiveInTheRunThatStartsItsCampaign()
    {
        var (_, promotion) = await ScheduleAsync(Start, End);
        var undated = promotion with { StartsAt = null, EndsAt = null };
        await Promotions.UpdateAsync(undated, promotion.Version, CatalogEvents.PromotionWritten(promotion, undated with { Version = promotion.Version + 1 }, Clock), default);
        var runner = Runner();

        Clock.SetUtcNow(Start.AddTicks(-1));
        Assert.Empty(Mine(await runner.RunAsync(default)));
        Clock.SetUtcNow(Start);
        var applied = Mine(await runner.RunAsync(default));

        Assert.Equal([ScheduledItem.Campaign, ScheduledItem.Promotion], applied.Select(s => s.Kind));
        Assert.Equal(LifecycleStatus.Active, (await Promotions.GetAsync(promotion.Id, default))!.Status);
    }

    [Fact]
    public async Task Run_ByTwoRunnersAtOnce_AppliesEachStepOnce()
    {
        var (campaign, promotion) = await ScheduleAsync(Start, End);
        var runners = new[] { Runner(), OtherRunner() };
        Clock.SetUtcNow(Start);

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => runners[i % 2].RunAsync(default))));

        Assert.Equal(2, runs.Sum(r => Mine(r).Count));
        Assert.Equal(campaign.Version + 1, (await Campaigns.GetAsync(campaign.Id, default))!.Version);
        Assert.Equal(promotion.Version + 1, (await Promotions.GetAsync(promotion.Id, default))!.Version);
        Assert.Equal([PromotionChanged.TypeName, PromotionChanged.TypeName, PromotionPublished.TypeName], (await EventsAsync(promotion.Id)).Select(e => e.Type));
    }

    [Fact]
    public async Task Run_OnItemsReadBeforeAnotherRunWroteThem_IsRefusedByTheirVersionsAndWritesNothing()
    {
        var (campaign, promotion) = await ScheduleAsync(Start, End);
        Clock.SetUtcNow(Start);
        var readEarlier = await DueStepsReadEarlier.ReadAsync(Due, Start);

        Assert.Equal(2, Mine(await Runner().RunAsync(default)).Count);
        var late = await new ScheduleRunner(readEarlier, Campaigns, Promotions, Search, Clock).RunAsync(default);

        // Both steps were still due on what the late runner read; the store refused both writes.
        Assert.Empty(Mine(late));
        Assert.Equal(campaign.Version + 1, (await Campaigns.GetAsync(campaign.Id, default))!.Version);
        Assert.Equal(promotion.Version + 1, (await Promotions.GetAsync(promotion.Id, default))!.Version);
        Assert.Equal(3, (await EventsAsync(promotion.Id)).Count);
    }

    /// <summary>A runner on another connection to the same store (another process, as far as the store can tell).</summary>
    protected abstract ScheduleRunner OtherRunner();

    protected ScheduleRunner Runner() => new(Due, Campaigns, Promotions, Search, Clock);

    private string Id(string prefix, string name) => $"{prefix}_{name}_{_suffix}";

    private List<AppliedStep> Mine(IReadOnlyList<AppliedStep> steps) => [.. steps.Where(s => s.Id.EndsWith(_suffix, StringComparison.Ordinal))];

    private static List<string> Sorted(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    private async Task<List<string>> DueCampaignsAsync(DateTimeOffset now) =>
        Sorted([.. (await Due.ListCampaignsDueAsync(now, default)).Select(c => c.Id).Where(id => id.EndsWith(_suffix, StringComparison.Ordinal))]);

    private async Task<List<string>> DuePromotionsAsync(DateTimeOffset now) =>
        Sorted([.. (await Due.ListPromotionsDueAsync(now, default)).Select(p => p.Id).Where(id => id.EndsWith(_suffix, StringComparison.Ordinal))]);

    private async Task<(Campaign Campaign, Promotion Promotion)> ScheduleAsync(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var campaign = (await Campaigns.CreateAsync(
            new Campaign(Id("cmp", "sched"), "Summer", null, startsAt, endsAt, LifecycleStatus.Scheduled, null, null, null, null, T0, T0), default)).Value!;
        return (campaign, await PromotionAsync("sched", campaign.Id, startsAt, endsAt, LifecycleStatus.Scheduled));
    }

    private async Task<Promotion> PromotionAsync(string name, string campaignId, DateTimeOffset? startsAt, DateTimeOffset? endsAt, LifecycleStatus status)
    {
        var draft = new Promotion(Id("prm", name), campaignId, "Ten off", null, PromotionKind.Automatic, startsAt, endsAt, status,
            JsonDocument.Parse("""{"type":"percent_off","percent":10}""").RootElement, [], ["web"], 0, Stacking.Default, null, 0, null, T0, T0);
        return (await Promotions.CreateAsync(draft, CatalogEvents.PromotionWritten(null, draft, Clock), default)).Value!;
    }

    /// <summary>The promotion's pending events by time, then type: an outbox keeps no order across its partitions.</summary>
    private async Task<List<OutboxMessage>> EventsAsync(string promotionId) =>
        [.. (await Outbox.ReadPendingAsync(10_000, default))
            .Where(m => m.Payload.Contains($"\"promotionId\":\"{promotionId}\"", StringComparison.Ordinal))
            .OrderBy(m => m.OccurredAt).ThenBy(m => m.Type, StringComparer.Ordinal)];
}
