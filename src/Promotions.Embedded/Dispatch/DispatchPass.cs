using Microsoft.Extensions.Logging;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Embedded.Dispatch;

/// <summary>
/// One pass of the relay: read pending events in outbox order, hand them to every consumer together (a consumer
/// whose store can, applies them in one transaction), then mark the ones every consumer accepted. Marking comes
/// last, so a crash in between redelivers (consumers deduplicate by event id). When a consumer fails on the
/// batch, it is given the events one by one, so one event it cannot take does not hold back the others: that one
/// stays pending and is retried by a later pass, while the events after it still go (consumers do not depend on
/// order).
/// </summary>
internal sealed partial class DispatchPass(IOutbox outbox, IEnumerable<IEventConsumer> consumers, ILogger<DispatchPass> logger)
{
    private readonly IEventConsumer[] _consumers = [.. consumers];

    /// <summary>Delivers up to <paramref name="batchSize"/> events; returns how many it read.</summary>
    public async Task<DispatchResult> RunAsync(int batchSize, CancellationToken ct)
    {
        var pending = await outbox.ReadPendingAsync(batchSize, ct);
        var accepted = new bool[pending.Count];
        Array.Fill(accepted, true);
        foreach (var consumer in _consumers)
        {
            var outcomes = await DeliverAllAsync(consumer, pending, ct);
            for (var i = 0; i < pending.Count; i++)
            {
                if (outcomes[i] == ConsumeOutcome.Malformed)
                {
                    LogRefused(logger, pending[i].EventId, pending[i].Type, consumer.Name);
                    accepted[i] = false;
                }
                else if (outcomes[i] is null)
                {
                    accepted[i] = false;
                }
            }
        }

        var marked = pending.Where((_, i) => accepted[i]).Select(m => m.EventId).ToList();
        await outbox.MarkDispatchedAsync(marked, ct);
        return new DispatchResult(pending.Count, marked.Count);
    }

    // One outcome per message, null where the consumer failed on it.
    private async Task<ConsumeOutcome?[]> DeliverAllAsync(IEventConsumer consumer, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0)
        {
            return [];
        }

        try
        {
            var outcomes = await consumer.ConsumeAllAsync([.. messages.Select(m => m.Payload)], ct);
            return [.. outcomes.Select(o => (ConsumeOutcome?)o)];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBatchFailed(logger, e, consumer.Name, messages.Count);
        }

        var each = new ConsumeOutcome?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                each[i] = await consumer.ConsumeAsync(messages[i].Payload, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A consumer's failure (a busy database, a bug) must not stop delivery to the others or kill the
                // host: the event stays pending and comes again, which consumers are built for.
                LogFailed(logger, e, messages[i].EventId, messages[i].Type, consumer.Name);
            }
        }

        return each;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumer {Consumer} refused event {EventId} ({Type}) as malformed; it stays pending")]
    private static partial void LogRefused(ILogger logger, string eventId, string type, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Consumer} failed on event {EventId} ({Type}); it will be delivered again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string eventId, string type, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Consumer} failed on a batch of {Count} events; giving them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string consumer, int count);
}
