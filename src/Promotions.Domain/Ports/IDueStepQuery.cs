using Promotions.Domain.Campaigns;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Ports;

/// <summary>
/// The schedule's read: the items whose dates may make a lifecycle step due, found by status and time (no table of
/// pending jobs, so a changed date or a cancelled item moves or drops its step by itself). The answer may hold items
/// with nothing due (<see cref="Scheduling.ScheduledStep"/> decides); it never leaves one out.
/// </summary>
public interface IDueStepQuery
{
    /// <summary>Scheduled campaigns with <c>startsAt ≤ now</c>, and scheduled, active or paused ones with <c>endsAt ≤ now</c>.</summary>
    Task<IReadOnlyList<Campaign>> ListCampaignsDueAsync(DateTimeOffset now, CancellationToken ct);

    /// <summary>
    /// Scheduled promotions with <c>startsAt ≤ now</c> or no start date (they follow their campaign), and scheduled,
    /// active or paused ones with <c>endsAt ≤ now</c>.
    /// </summary>
    Task<IReadOnlyList<Promotion>> ListPromotionsDueAsync(DateTimeOffset now, CancellationToken ct);
}
