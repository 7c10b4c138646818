using Promotions.Domain.Events;

namespace Promotions.Domain.Analytics;

/// <summary>The analytics aggregates, one method per access pattern.</summary>
public interface IAnalyticsStore
{
    /// <summary>
    /// Applies <paramref name="domainEvent"/> (see <see cref="AnalyticsProjection"/>) together with its
    /// processed mark in one transaction; false, changing nothing, when its id was processed before.
    /// </summary>
    Task<bool> ApplyAsync(DomainEvent domainEvent, CancellationToken ct);

    /// <summary>
    /// Applies <paramref name="events"/> in order, each as <see cref="ApplyAsync"/> would (an id seen before, or
    /// earlier in the list, changes nothing); one flag each, true when applied. A store may apply them all in one
    /// transaction, all or none.
    /// </summary>
    async Task<IReadOnlyList<bool>> ApplyAllAsync(IReadOnlyList<DomainEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        var applied = new bool[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            applied[i] = await ApplyAsync(events[i], ct);
        }

        return applied;
    }

    /// <summary>
    /// Keeps an event of a type or version this consumer does not read, so a later version can replay it;
    /// false when it was kept before.
    /// </summary>
    Task<bool> ParkAsync(string eventId, string type, int version, string envelope, CancellationToken ct);

    /// <summary>The summed rows of one slice, ordered by value, day and currency.</summary>
    Task<IReadOnlyList<AnalyticsRow>> ReadAsync(AnalyticsSlice slice, CancellationToken ct);

    /// <summary>The budget thresholds a campaign crossed, oldest first.</summary>
    Task<IReadOnlyList<BudgetThresholdCrossed>> ThresholdsAsync(string campaignId, CancellationToken ct);
}
