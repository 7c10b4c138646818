namespace Promotions.Domain.Events;

/// <summary>
/// The read side of the transactional outbox, for the dispatcher. Events are written by the adapters inside
/// the transaction of the change they report (never through a separate call), so a committed change always
/// has its event; the dispatcher publishes and then marks, so delivery is at least once.
/// </summary>
public interface IOutbox
{
    /// <summary>Up to <paramref name="limit"/> events not yet marked dispatched, oldest first.</summary>
    Task<IReadOnlyList<OutboxMessage>> ReadPendingAsync(int limit, CancellationToken ct);

    /// <summary>Marks events as published; unknown or already marked ids are ignored.</summary>
    Task MarkDispatchedAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct);
}
