using Microsoft.Extensions.Logging;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Embedded.Dispatch;

/// <summary>
/// One pass of the relay: read pending events in outbox order, hand each to every consumer, then mark the
/// ones every consumer accepted. Marking comes last, so a crash in between redelivers (consumers deduplicate
/// by event id); an event a consumer refused stays pending and is retried by a later pass, while the events
/// after it still go (consumers do not depend on order).
/// </summary>
internal sealed partial class DispatchPass(IOutbox outbox, IEnumerable<IEventConsumer> consumers, ILogger<DispatchPass> logger)
{
    private readonly IEventConsumer[] _consumers = [.. consumers];

    /// <summary>Delivers up to <paramref name="batchSize"/> events; returns how many it read.</summary>
    public async Task<DispatchResult> RunAsync(int batchSize, CancellationToken ct)
    {
        var pending = await outbox.ReadPendingAsync(batchSize, ct);
        var accepted = new List<string>(pending.Count);
        foreach (var message in pending)
        {
            if (await DeliverAsync(message, ct))
            {
                accepted.Add(message.EventId);
            }
        }

        await outbox.MarkDispatchedAsync(accepted, ct);
        return new DispatchResult(pending.Count, accepted.Count);
    }

    private async Task<bool> DeliverAsync(OutboxMessage message, CancellationToken ct)
    {
        var all = true;
        foreach (var consumer in _consumers)
        {
            try
            {
                var outcome = await consumer.ConsumeAsync(message.Payload, ct);
                if (outcome == ConsumeOutcome.Malformed)
                {
                    LogRefused(logger, message.EventId, message.Type, consumer.Name);
                    all = false;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A consumer's failure (a busy database, a bug) must not stop delivery to the others or kill the
                // host: the event stays pending and comes again, which consumers are built for.
                LogFailed(logger, e, message.EventId, message.Type, consumer.Name);
                all = false;
            }
        }

        return all;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumer {Consumer} refused event {EventId} ({Type}) as malformed; it stays pending")]
    private static partial void LogRefused(ILogger logger, string eventId, string type, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Consumer} failed on event {EventId} ({Type}); it will be delivered again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string eventId, string type, string consumer);
}
