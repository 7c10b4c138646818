using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Embedded.Dispatch;

/// <summary>
/// One pass of the relay: read pending events in outbox order, hand them to every consumer together (a consumer
/// whose store can, applies them in one transaction), then mark the ones every consumer accepted. Marking comes
/// last, so a crash in between redelivers (consumers deduplicate by event id). When a consumer fails on the
/// batch, it is given the events one by one, so one event it cannot take does not hold back the others: that one
/// stays pending and is retried by a later pass after a growing delay, while the events after it still go
/// (consumers do not depend on order). At <see cref="DispatchOptions.MaxAttempts"/> failures it is parked for that
/// consumer (<see cref="DeliveryFailures"/>, listed and replayed with <see cref="DeadLetters"/>) and counts as taken.
/// </summary>
internal sealed partial class DispatchPass(
    IOutbox outbox, IEnumerable<IEventConsumer> consumers, DeliveryFailures failures, IOptions<DispatchOptions> options, ILogger<DispatchPass> logger)
{
    private readonly IEventConsumer[] _consumers = [.. consumers];

    /// <summary>Delivers up to <paramref name="batchSize"/> events; returns how many it read.</summary>
    public async Task<DispatchResult> RunAsync(int batchSize, CancellationToken ct)
    {
        var pending = await outbox.ReadPendingAsync(batchSize, ct);
        var known = await failures.ReadAsync([.. pending.Select(m => m.EventId)], ct);
        var accepted = new bool[pending.Count];
        Array.Fill(accepted, true);
        var failed = new List<(int Index, DeliveryFailure Failure)>();
        foreach (var consumer in _consumers)
        {
            // A consumer is not given the events parked for it; they count as taken until replayed.
            var indexes = Enumerable.Range(0, pending.Count).Where(i => !known.GetValueOrDefault((pending[i].EventId, consumer.Name))).ToArray();
            var outcomes = await DeliverAllAsync(consumer, [.. indexes.Select(i => pending[i])], ct);
            for (var j = 0; j < indexes.Length; j++)
            {
                var message = pending[indexes[j]];
                var error = outcomes[j].Error;
                if (outcomes[j].Outcome == ConsumeOutcome.Malformed)
                {
                    LogRefused(logger, message.EventId, message.Type, consumer.Name);
                    error = "Refused as malformed.";
                }

                if (error is not null)
                {
                    failed.Add((indexes[j], new DeliveryFailure(message.EventId, message.Type, consumer.Name, error)));
                }
            }
        }

        // An event stays pending while a consumer failed on it, unless that failure was its last allowed attempt: parked
        // for that consumer, it is marked once every other consumer took it.
        var settings = options.Value;
        var parked = await failures.RecordAsync([.. failed.Select(f => f.Failure)], settings.MaxAttempts, settings.RetryDelay, ct);
        foreach (var letter in parked)
        {
            LogParked(logger, letter.EventId, letter.Type, letter.Consumer, settings.MaxAttempts, letter.Error);
        }

        foreach (var (index, _) in failed.Where(f => !parked.Contains(f.Failure)))
        {
            accepted[index] = false;
        }

        var marked = pending.Where((_, i) => accepted[i]).Select(m => m.EventId).ToList();
        await outbox.MarkDispatchedAsync(marked, ct);
        await failures.ForgetAsync([.. marked.Where(id => known.Keys.Any(k => k.EventId == id))], ct);
        return new DispatchResult(pending.Count, marked.Count);
    }

    // One outcome per message, or the error of the consumer's failure on it.
    private async Task<(ConsumeOutcome? Outcome, string? Error)[]> DeliverAllAsync(
        IEventConsumer consumer, IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        if (messages.Count == 0)
        {
            return [];
        }

        try
        {
            var outcomes = await consumer.ConsumeAllAsync([.. messages.Select(m => m.Payload)], ct);
            return [.. outcomes.Select(o => ((ConsumeOutcome?)o, (string?)null))];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBatchFailed(logger, e, consumer.Name, messages.Count);
        }

        var each = new (ConsumeOutcome?, string?)[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                each[i] = (await consumer.ConsumeAsync(messages[i].Payload, ct), null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A consumer's failure (a busy database, a bug) must not stop delivery to the others or kill the
                // host: the event stays pending and comes again, which consumers are built for, until it is parked.
                LogFailed(logger, e, messages[i].EventId, messages[i].Type, consumer.Name);
                each[i] = (null, $"{e.GetType().Name}: {e.Message}");
            }
        }

        return each;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Consumer {Consumer} refused event {EventId} ({Type}) as malformed; it stays pending until retried or parked")]
    private static partial void LogRefused(ILogger logger, string eventId, string type, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Consumer} failed on event {EventId} ({Type}); it will be delivered again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string eventId, string type, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Consumer {Consumer} failed on a batch of {Count} events; giving them one by one")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string consumer, int count);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Event {EventId} ({Type}) is parked for consumer {Consumer} after {Attempts} failed attempts ({Error}); replay it with the dead-letters command once the cause is fixed")]
    private static partial void LogParked(ILogger logger, string eventId, string type, string consumer, int attempts, string error);
}
