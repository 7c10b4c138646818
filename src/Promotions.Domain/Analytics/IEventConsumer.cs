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

    /// <summary>
    /// Reads several envelopes, one outcome each in the same order, as <see cref="ConsumeAsync"/> would one by one.
    /// A consumer whose store can take them together (one transaction instead of one each) overrides this; when it
    /// throws, none of them counts as accepted.
    /// </summary>
    async Task<IReadOnlyList<ConsumeOutcome>> ConsumeAllAsync(IReadOnlyList<string> envelopes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        var outcomes = new ConsumeOutcome[envelopes.Count];
        for (var i = 0; i < envelopes.Count; i++)
        {
            outcomes[i] = await ConsumeAsync(envelopes[i], ct);
        }

        return outcomes;
    }
}
