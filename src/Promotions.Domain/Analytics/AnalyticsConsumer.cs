namespace Promotions.Domain.Analytics;

/// <summary>
/// The analytics side of event delivery: reads an envelope and applies it once (by event id). The same
/// entry point serves the in-process dispatcher and the SQS pass-through endpoint.
/// </summary>
public sealed class AnalyticsConsumer(IAnalyticsStore store) : IEventConsumer
{
    public string Name => "analytics";

    public async Task<ConsumeOutcome> ConsumeAsync(string envelope, CancellationToken ct)
    {
        var read = EventEnvelope.Read(envelope);
        if (read is null || !read.IsIdentified)
        {
            return ConsumeOutcome.Malformed;
        }

        if (!read.IsReadable)
        {
            await store.ParkAsync(read.EventId!, read.Type!, read.Version, envelope, ct);
            return ConsumeOutcome.Parked;
        }

        return await store.ApplyAsync(read.Event!, ct) ? ConsumeOutcome.Applied : ConsumeOutcome.Duplicate;
    }
}
