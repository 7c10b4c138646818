using Microsoft.Extensions.Logging;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Events.Lambda;
using Promotions.Domain.Events;

namespace Promotions.Aws.Events;

/// <summary>
/// The stream side of the relay: the new outbox items of a stream batch are published and then marked
/// dispatched; every other record (another item type, a <c>MODIFY</c> such as the marking itself, a TTL
/// <c>REMOVE</c>) is ignored. The answer names the first record that was not published, by its sequence
/// number: Lambda then retries the shard from that record on (records after it are published again, and
/// consumers deduplicate by event id), which keeps the stream's order without losing any event.
/// </summary>
internal sealed partial class OutboxRelay(SqsEventPublisher publisher, IOutbox outbox, ILogger<OutboxRelay> logger)
{
    public async Task<BatchResponse> RelayAsync(StreamEvent batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var events = new List<(StreamRecord Record, OutboxMessage Message)>();
        foreach (var record in batch.Records ?? [])
        {
            if (record is not { EventName: StreamRecord.Insert, EventSource: StreamRecord.Source, Dynamodb.NewImage: { } image })
            {
                continue;
            }

            var item = StreamImages.ToItem(image);
            if (!OutboxItems.IsOutbox(item))
            {
                continue;
            }

            if (OutboxItems.Read(item) is { } message)
            {
                events.Add((record, message));
            }
            else
            {
                // A writer's bug; blocking the shard would hold back every later event, so it is left to the
                // pending index, where the schedule's sweep will log it again.
                LogUnreadable(logger, item.GetS(TableLayout.Pk) ?? "", record.Dynamodb?.SequenceNumber ?? "");
            }
        }

        if (events.Count == 0)
        {
            return BatchResponse.None;
        }

        var published = await publisher.PublishAsync([.. events.Select(e => e.Message)], ct);
        await MarkAsync(outbox, published, logger, ct);
        var first = events.FindIndex(e => !published.Contains(e.Message.EventId));
        if (first < 0)
        {
            return BatchResponse.None;
        }

        LogRetrying(logger, events.Count - published.Count, events[first].Message.EventId);

        // An empty identifier makes Lambda retry the whole batch, which is still right if one is ever missing.
        return new BatchResponse([new BatchItemFailure(events[first].Record.Dynamodb?.SequenceNumber ?? "")]);
    }

    /// <summary>
    /// Marks what was published. A failed mark is logged and not reported: the events are on their queues, and
    /// the schedule's sweep publishes and marks them again within minutes (consumers deduplicate).
    /// </summary>
    internal static async Task MarkAsync(IOutbox outbox, IReadOnlySet<string> published, ILogger logger, CancellationToken ct)
    {
        if (published.Count == 0)
        {
            return;
        }

        try
        {
            await outbox.MarkDispatchedAsync([.. published], ct);
        }
        catch (Exception e) when (AwsFailures.IsCallFailure(e, ct))
        {
            LogMarkFailed(logger, e, published.Count);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox item {Key} (stream record {Sequence}) is not a readable event; it stays pending")]
    private static partial void LogUnreadable(ILogger logger, string key, string sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} event(s) were not published; the stream retries from event {EventId}")]
    private static partial void LogRetrying(ILogger logger, int count, string eventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Marking {Count} published event(s) dispatched failed; the sweep will publish them again")]
    private static partial void LogMarkFailed(ILogger logger, Exception exception, int count);
}
