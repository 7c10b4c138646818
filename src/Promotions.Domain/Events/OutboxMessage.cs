namespace Promotions.Domain.Events;

/// <summary>
/// An event waiting in the outbox: its id, type and version (so a relay can route without parsing), and the
/// event JSON (<see cref="EventJson"/>) in <paramref name="Payload"/>. <paramref name="Sequence"/> orders the
/// outbox; a consumer must still not rely on order across partitions. <paramref name="TraceParent"/> is the W3C
/// <c>traceparent</c> of the request that wrote the event, when it ran in a trace: the relay carries it to the
/// queues, so a consumer's work joins the trace of the change it reports.
/// </summary>
public sealed record OutboxMessage(
    long Sequence, string EventId, string Type, int Version, DateTimeOffset OccurredAt, string Payload, string? TraceParent = null);
