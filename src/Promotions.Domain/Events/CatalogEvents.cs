using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Events;

/// <summary>
/// The events of catalog writes, built in one place so every store and every caller emits the same events for
/// the same change. The stores write them to the outbox in the transaction of the change.
/// </summary>
public static class CatalogEvents
{
    /// <summary>
    /// The events of storing <paramref name="stored"/> (the promotion as it will be stored, with its version after
    /// the write) over <paramref name="previous"/> (null for a new promotion): always <see cref="PromotionChanged"/>,
    /// and <see cref="PromotionPublished"/> first when the promotion becomes active with this write. <paramref name="actor"/>
    /// names who made a change that no Admin API caller made (<c>schedule</c>).
    /// </summary>
    public static IReadOnlyList<DomainEvent> PromotionWritten(Promotion? previous, Promotion stored, TimeProvider clock, string? actor = null)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(clock);
        var changed = new PromotionChanged(NewId(clock), clock.GetUtcNow(), stored.Id, stored.CampaignId, stored.Version, stored.Status, actor);
        if (!LifecycleMachine.IsLive(stored.Status) || (previous is not null && LifecycleMachine.IsLive(previous.Status)))
        {
            return [changed];
        }

        var published = new PromotionPublished(
            NewId(clock), clock.GetUtcNow(), stored.Id, stored.CampaignId, stored.Name, stored.Kind, stored.Channels, stored.StartsAt, stored.EndsAt, actor);
        return [published, changed];
    }

    /// <summary>A batch of <paramref name="count"/> codes of a job (generation or import) was stored.</summary>
    public static CodesGenerated CodesGenerated(string promotionId, string jobId, long count, TimeProvider clock)
    {
        ArgumentException.ThrowIfNullOrEmpty(promotionId);
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(clock);
        return new CodesGenerated(NewId(clock), clock.GetUtcNow(), promotionId, jobId, count);
    }

    private static string NewId(TimeProvider clock) => Ids.New(DomainEvent.IdPrefix, clock);
}
