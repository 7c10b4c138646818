using Promotions.Domain.Events;

namespace Promotions.Domain.Analytics;

/// <summary>
/// The analytics side of event delivery: reads an envelope and applies it once (by event id). The same
/// entry point serves the in-process dispatcher and the SQS pass-through endpoint.
/// </summary>
public sealed class AnalyticsConsumer(IAnalyticsStore store) : IEventConsumer
{
    public string Name => "analytics";

    public async Task<ConsumeOutcome> ConsumeAsync(string envelope, CancellationToken ct) =>
        (await ConsumeAllAsync([envelope], ct))[0];

    /// <summary>
    /// The envelopes' readable events go to the store in one <see cref="IAnalyticsStore.ApplyAllAsync"/>, in their
    /// order; an envelope without an event id and type is refused (malformed), and one of a type or version this
    /// consumer does not read is parked.
    /// </summary>
    public async Task<IReadOnlyList<ConsumeOutcome>> ConsumeAllAsync(IReadOnlyList<string> envelopes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(envelopes);
        var outcomes = new ConsumeOutcome[envelopes.Count];
        var readable = new List<(int Index, DomainEvent Event)>(envelopes.Count);
        for (var i = 0; i < envelopes.Count; i++)
        {
            var read = EventEnvelope.Read(envelopes[i]);
            if (read is null || !read.IsIdentified)
            {
                outcomes[i] = ConsumeOutcome.Malformed;
            }
            else if (!read.IsReadable)
            {
                await store.ParkAsync(read.EventId!, read.Type!, read.Version, envelopes[i], ct);
                outcomes[i] = ConsumeOutcome.Parked;
            }
            else
            {
                readable.Add((i, read.Event!));
            }
        }

        if (readable.Count > 0)
        {
            var applied = await store.ApplyAllAsync([.. readable.Select(r => r.Event)], ct);
            for (var j = 0; j < readable.Count; j++)
            {
                outcomes[readable[j].Index] = applied[j] ? ConsumeOutcome.Applied : ConsumeOutcome.Duplicate;
            }
        }

        return outcomes;
    }
}
