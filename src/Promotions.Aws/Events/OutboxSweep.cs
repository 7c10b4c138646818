using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Promotions.Aws.Dynamo;

namespace Promotions.Aws.Events;

/// <summary>
/// The schedule side of the relay: publishes and marks the events still pending after
/// <see cref="RelayOptions.SweepAge"/> (the stream normally relays an event within seconds, so these are the
/// ones whose stream delivery failed, was retried out, or was marked in vain), shard by shard, oldest first,
/// at most <see cref="RelayOptions.SweepLimit"/> a run. An event that fails again is skipped for this run, so
/// one broken event never holds back the others; an item that is not a readable event is logged each run and
/// counted as failed, so the schedule reports it.
/// </summary>
internal sealed partial class OutboxSweep(
    DynamoDbOutbox outbox, SqsEventPublisher publisher, IOptions<RelayOptions> options, TimeProvider clock, ILogger<OutboxSweep> logger)
{
    public async Task<SweepResult> RunAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var before = clock.GetUtcNow() - settings.SweepAge;
        var (published, failed) = (0, 0);
        for (var shard = 0; shard < OutboxItems.Shards && published + failed < settings.SweepLimit; shard++)
        {
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var limit = Math.Min(SqsEventPublisher.MaxBatchMessages * 10, settings.SweepLimit - published - failed);
                var page = await outbox.ReadPendingPageAsync(shard, before, limit, start, ct);
                foreach (var key in page.Unreadable)
                {
                    LogUnreadable(logger, key);
                }

                var sent = await publisher.PublishAsync(page.Messages, ct);
                await OutboxRelay.MarkAsync(outbox, sent, logger, ct);
                published += sent.Count;
                failed += page.Messages.Count - sent.Count + page.Unreadable.Count;
                start = page.Next;
            }
            while (start is not null && published + failed < settings.SweepLimit);
        }

        if (published + failed > 0)
        {
            LogSwept(logger, published, failed);
        }

        return new SweepResult(published, failed);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox item {Key} is not a readable event; it stays pending until it is repaired or removed")]
    private static partial void LogUnreadable(ILogger logger, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox sweep published {Published} event(s) the stream had not; {Failed} failed again")]
    private static partial void LogSwept(ILogger logger, int published, int failed);
}
