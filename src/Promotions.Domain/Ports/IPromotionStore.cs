using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Ports;

/// <summary>Promotions with their rules, one method per access pattern.</summary>
public interface IPromotionStore
{
    Task<Promotion?> GetAsync(string id, CancellationToken ct);

    Task<Page<Promotion>> ListAsync(PromotionFilter filter, ListQuery page, CancellationToken ct);

    /// <summary>
    /// The hot read of offers, validation and redemption: every promotion whose status is active and whose
    /// own window contains <paramref name="now"/>. Campaign status and channel are checked by the caller.
    /// </summary>
    Task<IReadOnlyList<Promotion>> ListLiveAsync(DateTimeOffset now, CancellationToken ct);

    Task<WriteResult<Promotion>> CreateAsync(Promotion promotion, CancellationToken ct);

    Task<WriteResult<Promotion>> UpdateAsync(Promotion promotion, long expectedVersion, CancellationToken ct);

    Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct);
}

/// <summary>Filters of the promotion list; null means "any".</summary>
public sealed record PromotionFilter(
    string? CampaignId = null,
    LifecycleStatus? Status = null,
    PromotionKind? Kind = null,
    string? Channel = null);
