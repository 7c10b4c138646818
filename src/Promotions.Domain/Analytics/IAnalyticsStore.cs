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
    /// Keeps an event of a type or version this consumer does not read, so a later version can replay it;
    /// false when it was kept before.
    /// </summary>
    Task<bool> ParkAsync(string eventId, string type, int version, string envelope, CancellationToken ct);

    /// <summary>The summed rows of one slice, ordered by value, day and currency.</summary>
    Task<IReadOnlyList<AnalyticsRow>> ReadAsync(AnalyticsSlice slice, CancellationToken ct);

    /// <summary>The budget thresholds a campaign crossed, oldest first.</summary>
    Task<IReadOnlyList<BudgetThresholdCrossed>> ThresholdsAsync(string campaignId, CancellationToken ct);
}
