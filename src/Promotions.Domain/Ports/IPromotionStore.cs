using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Ports;

/// <summary>
/// Promotions with their rules, one method per access pattern. Creates and updates take the events that report
/// them (built with <see cref="CatalogEvents.PromotionWritten"/> from the item as stored, version included) and
/// write them to the outbox in the same transaction: exactly when the write succeeds, never on a refused one.
/// </summary>
public interface IPromotionStore
{
    Task<Promotion?> GetAsync(string id, CancellationToken ct);

    Task<Page<Promotion>> ListAsync(PromotionFilter filter, ListQuery page, CancellationToken ct);

    /// <summary>
    /// The hot read of offers, validation and redemption: every promotion whose status is active and whose
    /// own window contains <paramref name="now"/>. Campaign status and channel are checked by the caller.
    /// </summary>
    Task<IReadOnlyList<Promotion>> ListLiveAsync(DateTimeOffset now, CancellationToken ct);

    /// <summary>Stores the promotion as version 1, with <paramref name="events"/> in the same transaction.</summary>
    Task<WriteResult<Promotion>> CreateAsync(Promotion promotion, IReadOnlyList<DomainEvent> events, CancellationToken ct);

    /// <summary>
    /// Replaces the promotion when its stored version is <paramref name="expectedVersion"/>; the stored copy gets
    /// version + 1 and <paramref name="events"/> are written in the same transaction.
    /// </summary>
    Task<WriteResult<Promotion>> UpdateAsync(Promotion promotion, long expectedVersion, IReadOnlyList<DomainEvent> events, CancellationToken ct);

    Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct);
}

/// <summary>Filters of the promotion list; null means "any".</summary>
public sealed record PromotionFilter(
    string? CampaignId = null,
    LifecycleStatus? Status = null,
    PromotionKind? Kind = null,
    string? Channel = null);
