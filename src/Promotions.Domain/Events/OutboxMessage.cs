namespace Promotions.Domain.Events;

/// <summary>
/// An event waiting in the outbox: its id, type and version (so a relay can route without parsing), and the
/// event JSON (<see cref="EventJson"/>) in <paramref name="Payload"/>. <paramref name="Sequence"/> orders the
/// outbox; a consumer must still not rely on order across partitions.
/// </summary>
public sealed record OutboxMessage(long Sequence, string EventId, string Type, int Version, DateTimeOffset OccurredAt, string Payload);
