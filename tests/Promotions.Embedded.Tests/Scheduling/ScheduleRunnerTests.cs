using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;
using Promotions.Domain.Scheduling;
using Promotions.Embedded.Campaigns;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Promotions;
using Promotions.Embedded.Scheduling;
using Promotions.Embedded.Search;
using Promotions.Embedded.Storage;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Scheduling;

public sealed class ScheduleRunnerTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Start = T0.AddMinutes(10);
    private static readonly DateTimeOffset End = T0.AddHours(2);

    private readonly TempDatabase _temp = new();
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly SqliteCampaignStore _campaigns;
    private readonly SqlitePromotionStore _promotions;

    public ScheduleRunnerTests()
    {
        _campaigns = new SqliteCampaignStore(_temp.Database);
        _promotions = new SqlitePromotionStore(_temp.Database);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Run_GoesLiveAtStartAndEndsAtEnd()
    {
        var (campaign, promotion) = await ScheduleAsync(Start, End);
        var runner = Runner(_temp.Database);

        Assert.Empty(await runner.RunAsync(default));
        _clock.SetUtcNow(Start);
        var started = await runner.RunAsync(default);

        Assert.Equal(2, started.Count);
        Assert.Equal(LifecycleStatus.Active, (await _campaigns.GetAsync(campaign.Id, default))!.Status);
        var live = Assert.Single(await _promotions.ListLiveAsync(Start, default));
        Assert.Equal(promotion.Version + 1, live.Version);
        var events = await EventsAsync(promotion.Id);
        Assert.Equal([PromotionChanged.TypeName, PromotionPublished.TypeName, PromotionChanged.TypeName], events.Select(e => e.Type));
        Assert.DoesNotContain("\"actor\"", events[0].Payload, StringComparison.Ordinal);
        Assert.All(events.Skip(1), e => Assert.Contains("\"actor\":\"schedule\"", e.Payload, StringComparison.Ordinal));

        _clock.SetUtcNow(End);
        var ended = await runner.RunAsync(default);

        Assert.Equal(2, ended.Count);
        Assert.All(ended, s => Assert.Equal(LifecycleAction.End, s.Action));
        Assert.Equal(LifecycleStatus.Ended, (await _campaigns.GetAsync(campaign.Id, default))!.Status);
        Assert.Equal(LifecycleStatus.Ended, (await _promotions.GetAsync(promotion.Id, default))!.Status);
        Assert.Equal(4, (await EventsAsync(promotion.Id)).Count);
    }

    [Fact]
    public async Task Run_AfterAReschedule_AppliesTheStepAtTheNewTime()
    {
        var (campaign, promotion) = await ScheduleAsync(Start, End);
        var later = Start.AddMinutes(30);
        await _campaigns.UpdateAsync(campaign with { StartsAt = later }, campaign.Version, default);
        var moved = promotion with { StartsAt = later };
        await _promotions.UpdateAsync(moved, promotion.Version, CatalogEvents.PromotionWritten(promotion, moved with { Version = promotion.Version + 1 }, _clock), default);
        var runner = Runner(_temp.Database);

        _clock.SetUtcNow(Start);
        Assert.Empty(await runner.RunAsync(default));
        _clock.SetUtcNow(later);

        Assert.Equal(2, (await runner.RunAsync(default)).Count);
        Assert.Equal(LifecycleStatus.Active, (await _promotions.GetAsync(promotion.Id, default))!.Status);
    }

    [Fact]
    public async Task Run_AfterACancel_AppliesNothing()
    {
        var (campaign, promotion) = await ScheduleAsync(Start, End);
        var cancelled = LifecycleGuards.Campaign(campaign, LifecycleAction.End, T0).Value;
        await _campaigns.UpdateAsync(campaign with { Status = cancelled }, campaign.Version, default);
        var runner = Runner(_temp.Database);

        _clock.SetUtcNow(Start);
        var applied = await runner.RunAsync(default);

        // The promotion waits for a campaign that allows it to go live; the ended campaign never will. It ends at its own end.
        Assert.Empty(applied);
        Assert.Equal(LifecycleStatus.Scheduled, (await _promotions.GetAsync(promotion.Id, default))!.Status);
        Assert.Equal(LifecycleStatus.Ended, (await _campaigns.GetAsync(campaign.Id, default))!.Status);
        Assert.Single(await EventsAsync(promotion.Id));
    }

    [Fact]
    public async Task Run_Twice_AppliesEachStepOnce()
    {
        var (_, promotion) = await ScheduleAsync(Start, End);
        var runner = Runner(_temp.Database);
        _clock.SetUtcNow(Start.AddHours(1));

        Assert.Equal(2, (await runner.RunAsync(default)).Count);
        Assert.Empty(await runner.RunAsync(default));

        Assert.Equal(promotion.Version + 1, (await _promotions.GetAsync(promotion.Id, default))!.Version);
        Assert.Equal(3, (await EventsAsync(promotion.Id)).Count);
    }

    [Fact]
    public async Task Run_ComingBackAfterTheWholeWindow_EndsOnceWithoutGoingLive()
    {
        var (_, promotion) = await ScheduleAsync(Start, End);
        _clock.SetUtcNow(End.AddDays(1));

        var applied = await Runner(_temp.Database).RunAsync(default);

        Assert.Equal(2, applied.Count);
        Assert.All(applied, s => Assert.Equal(LifecycleAction.End, s.Action));
        Assert.Equal([PromotionChanged.TypeName, PromotionChanged.TypeName], (await EventsAsync(promotion.Id)).Select(e => e.Type));
    }

    [Fact]
    public async Task Run_PromotionWithoutItsOwnStart_GoesLiveInTheRunThatStartsItsCampaign()
    {
        var (_, promotion) = await ScheduleAsync(Start, End);
        var undated = promotion with { StartsAt = null, EndsAt = null };
        await _promotions.UpdateAsync(undated, promotion.Version, CatalogEvents.PromotionWritten(promotion, undated with { Version = promotion.Version + 1 }, _clock), default);
        var runner = Runner(_temp.Database);

        _clock.SetUtcNow(Start.AddTicks(-1));
        Assert.Empty(await runner.RunAsync(default));
        _clock.SetUtcNow(Start);
        var applied = await runner.RunAsync(default);

        Assert.Equal([ScheduledItem.Campaign, ScheduledItem.Promotion], applied.Select(s => s.Kind));
        Assert.Equal(LifecycleStatus.Active, (await _promotions.GetAsync(promotion.Id, default))!.Status);
    }

    [Fact]
    public async Task Run_TwoSchedulersOnOneFile_ApplyEachStepOnce()
    {
        var (campaign, promotion) = await ScheduleAsync(Start, End);
        using var other = new SqliteDatabase(_temp.DataDirectory);
        var runners = new[] { Runner(_temp.Database), Runner(other) };
        _clock.SetUtcNow(Start);

        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => runners[i % 2].RunAsync(default))));

        Assert.Equal(2, runs.Sum(r => r.Count));
        Assert.Equal(campaign.Version + 1, (await _campaigns.GetAsync(campaign.Id, default))!.Version);
        Assert.Equal(promotion.Version + 1, (await _promotions.GetAsync(promotion.Id, default))!.Version);
        Assert.Equal([PromotionChanged.TypeName, PromotionPublished.TypeName, PromotionChanged.TypeName], (await EventsAsync(promotion.Id)).Select(e => e.Type));
    }

    private ScheduleRunner Runner(SqliteDatabase database) =>
        new(new SqliteDueStepQuery(database), new SqliteCampaignStore(database), new SqlitePromotionStore(database),
            new SqlitePromotionSearch(database), _clock);

    private async Task<(Campaign Campaign, Promotion Promotion)> ScheduleAsync(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var campaign = (await _campaigns.CreateAsync(
            new Campaign("cmp_sched", "Summer", null, startsAt, endsAt, LifecycleStatus.Scheduled, null, null, null, null, T0, T0), default)).Value!;
        var draft = new Promotion("prm_sched", campaign.Id, "Ten off", null, PromotionKind.Automatic, startsAt, endsAt, LifecycleStatus.Scheduled,
            JsonDocument.Parse("""{"type":"percent_off","percent":10}""").RootElement, [], ["web"], 0, Stacking.Default, null, 0, null, T0, T0);
        var promotion = (await _promotions.CreateAsync(draft, CatalogEvents.PromotionWritten(null, draft, _clock), default)).Value!;
        return (campaign, promotion);
    }

    private async Task<IReadOnlyList<OutboxMessage>> EventsAsync(string promotionId) =>
        [.. (await new SqliteOutbox(_temp.Database, _clock).ReadPendingAsync(100, default))
            .Where(m => m.Payload.Contains($"\"promotionId\":\"{promotionId}\"", StringComparison.Ordinal))];
}
