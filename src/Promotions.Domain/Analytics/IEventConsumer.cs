namespace Promotions.Domain.Analytics;

/// <summary>
/// An in-process reader of domain events. It takes the event envelope, the same JSON whichever way events
/// arrive (the in-process dispatcher reads it from the outbox; on AWS it is an SQS message body), and must be
/// idempotent by event id, because delivery is at least once.
/// </summary>
public interface IEventConsumer
{
    /// <summary>A short name for logs.</summary>
    string Name { get; }

    /// <summary>Reads one envelope; anything but <see cref="ConsumeOutcome.Malformed"/> (or an exception) accepts it.</summary>
    Task<ConsumeOutcome> ConsumeAsync(string envelope, CancellationToken ct);
}
