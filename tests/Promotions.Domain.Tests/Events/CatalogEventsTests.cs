using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Tests.Events;

public sealed class CatalogEventsTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);

    [Theory]
    [InlineData(null, LifecycleStatus.Draft, false)]
    [InlineData(null, LifecycleStatus.Active, true)]
    [InlineData(LifecycleStatus.Draft, LifecycleStatus.Active, true)]
    [InlineData(LifecycleStatus.Scheduled, LifecycleStatus.Active, true)]
    [InlineData(LifecycleStatus.Paused, LifecycleStatus.Active, true)]
    [InlineData(LifecycleStatus.Active, LifecycleStatus.Active, false)]
    [InlineData(LifecycleStatus.Active, LifecycleStatus.Paused, false)]
    [InlineData(LifecycleStatus.Draft, LifecycleStatus.Scheduled, false)]
    public void PromotionWritten_PublishesWhenTheStatusBecomesActive(LifecycleStatus? before, LifecycleStatus after, bool published)
    {
        var previous = before is { } status ? Promotion(status, 3) : null;
        var stored = Promotion(after, 4);

        var events = CatalogEvents.PromotionWritten(previous, stored, _clock);

        var changed = Assert.Single(events.OfType<PromotionChanged>());
        Assert.Equal((stored.Id, stored.CampaignId, 4L, after, Now), (changed.PromotionId, changed.CampaignId, changed.PromotionVersion, changed.Status, changed.OccurredAt));
        Assert.Equal(published ? 2 : 1, events.Count);
        if (published)
        {
            var live = Assert.IsType<PromotionPublished>(events[0]);
            Assert.Equal((stored.Name, stored.Kind, stored.StartsAt, stored.EndsAt), (live.Name, live.Kind, live.StartsAt, live.EndsAt));
            Assert.Equal(stored.Channels, live.Channels);
        }

        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void CodesGenerated_CarriesTheJobAndCount_AndRefusesAnEmptyBatch()
    {
        var generated = CatalogEvents.CodesGenerated("prm_1", "cjb_1", 98, _clock);

        Assert.Equal(("prm_1", "cjb_1", 98L, Now), (generated.PromotionId, generated.JobId, generated.Count, generated.OccurredAt));
        Assert.StartsWith("evt_", generated.EventId, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => CatalogEvents.CodesGenerated("prm_1", "cjb_1", 0, _clock));
    }

    private static Promotion Promotion(LifecycleStatus status, long version)
    {
        using var effect = JsonDocument.Parse("""{"type":"amount_off","amount":5}""");
        return new Promotion("prm_1", "cmp_1", "Five off", null, PromotionKind.Code, Now, Now.AddDays(7), status, effect.RootElement.Clone(), [],
            ["web", "pos"], 0, Stacking.Default, null, 0, null, Now, Now, version);
    }
}
