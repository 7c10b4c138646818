using Promotions.Domain.Campaigns;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.Contracts.Scheduling;

/// <summary>
/// What an adapter's due query answered earlier, answered again: a runner that read before another one wrote (a
/// concurrent tick, or a stale index copy), made deterministic, so the store's version check is what is tested.
/// </summary>
internal sealed class DueStepsReadEarlier(IReadOnlyList<Campaign> campaigns, IReadOnlyList<Promotion> promotions) : IDueStepQuery
{
    public static async Task<DueStepsReadEarlier> ReadAsync(IDueStepQuery due, DateTimeOffset now) =>
        new(await due.ListCampaignsDueAsync(now, default), await due.ListPromotionsDueAsync(now, default));

    public Task<IReadOnlyList<Campaign>> ListCampaignsDueAsync(DateTimeOffset now, CancellationToken ct) => Task.FromResult(campaigns);

    public Task<IReadOnlyList<Promotion>> ListPromotionsDueAsync(DateTimeOffset now, CancellationToken ct) => Task.FromResult(promotions);
}
