using System.Globalization;
using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Domain.Events;

namespace Promotions.Aws.Events;

/// <summary>
/// Sends outbox events to every queue of <c>Aws:EventQueues</c>: the envelope as the body, and the type, version
/// and event id as message attributes (so a consumer or a subscription filter can route without parsing). An
/// event counts as published only when every queue accepted it; a failure is logged and reported, never thrown,
/// so the relay can tell its event source which records to deliver again.
/// </summary>
internal sealed partial class SqsEventPublisher(IAmazonSQS sqs, IOptions<AwsOptions> options, ILogger<SqsEventPublisher> logger)
{
    /// <summary>SQS takes at most ten messages per batch call.</summary>
    public const int MaxBatchMessages = 10;

    // SQS takes at most 256 KiB per batch call (bodies and attributes); a margin covers the attribute encoding.
    private const int MaxBatchBytes = 250 * 1024;

    /// <summary>The ids of the events every queue accepted.</summary>
    public async Task<IReadOnlySet<string>> PublishAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var distinct = messages.DistinctBy(m => m.EventId).ToList();
        var batches = Batches(distinct);
        var sends = options.Value.EventQueues.SelectMany(q => batches.Select(batch => SendAsync(q.Key, q.Value, batch, ct)));
        var failed = (await Task.WhenAll(sends)).SelectMany(f => f).ToHashSet(StringComparer.Ordinal);
        return distinct.Select(m => m.EventId).Where(id => !failed.Contains(id)).ToHashSet(StringComparer.Ordinal);
    }

    private static List<List<OutboxMessage>> Batches(List<OutboxMessage> messages)
    {
        var batches = new List<List<OutboxMessage>>();
        var current = new List<OutboxMessage>();
        var bytes = 0;
        foreach (var message in messages)
        {
            var size = Encoding.UTF8.GetByteCount(message.Payload) + 200;
            if (current.Count == MaxBatchMessages || (current.Count > 0 && bytes + size > MaxBatchBytes))
            {
                batches.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(message);
            bytes += size;
        }

        if (current.Count > 0)
        {
            batches.Add(current);
        }

        return batches;
    }

    /// <summary>Sends one batch to one queue; returns the ids of the events it did not take.</summary>
    private async Task<IEnumerable<string>> SendAsync(string consumer, string queueUrl, List<OutboxMessage> batch, CancellationToken ct)
    {
        try
        {
            var response = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = queueUrl,
                Entries = [.. batch.Select((m, i) => Entry(m, i))],
            }, ct);
            var sent = (response.Successful ?? []).Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var failure in response.Failed ?? [])
            {
                LogRefused(logger, consumer, failure.Id, failure.Code, failure.Message);
            }

            return batch.Where((_, i) => !sent.Contains(EntryId(i))).Select(m => m.EventId).ToList();
        }
        catch (Exception e) when (AwsFailures.IsCallFailure(e, ct))
        {
            // The queue is unreachable, throttled or missing: none of this batch reached it.
            LogFailed(logger, e, consumer, batch.Count);
            return batch.Select(m => m.EventId).ToList();
        }
    }

    private static SendMessageBatchRequestEntry Entry(OutboxMessage message, int index)
    {
        var entry = new SendMessageBatchRequestEntry
        {
            Id = EntryId(index),
            MessageBody = message.Payload,
            MessageAttributes = new Dictionary<string, MessageAttributeValue>
            {
                ["type"] = new() { DataType = "String", StringValue = message.Type },
                ["version"] = new() { DataType = "Number", StringValue = message.Version.ToString(CultureInfo.InvariantCulture) },
                ["eventId"] = new() { DataType = "String", StringValue = message.EventId },
            },
        };
        entry.MessageSystemAttributes = SqsTraceAttributes.Add(entry.MessageAttributes, message.TraceParent);
        return entry;
    }

    private static string EntryId(int index) => "m" + index.ToString(CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue {Consumer} refused batch entry {EntryId}: {Code} {Reason}")]
    private static partial void LogRefused(ILogger logger, string consumer, string entryId, string code, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending {Count} event(s) to queue {Consumer} failed; they stay pending")]
    private static partial void LogFailed(ILogger logger, Exception exception, string consumer, int count);
}
