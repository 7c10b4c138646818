using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS.Model;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Tests.Support;
using Promotions.Aws.Tests.Support.Lambda;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Redemption;

namespace Promotions.Aws.Tests.Events;

/// <summary>
/// The event path of one test on the class's tables: a fresh analytics queue (with its dead-letter queue), the
/// Redemption service in AWS mode publishing to it, and the table's stream as Lambda's event source delivers it
/// to the relay. Events are committed the way every writer commits them: outbox items in a transaction beside
/// the change (here a catalog-like item, which the relay must ignore).
/// </summary>
internal sealed class RelayStack : IAsyncDisposable
{
    private RelayStack(AwsTestResources aws, TestQueue queue, AwsServiceHost<Program> redemption, StreamEventSource stream, LambdaFunction relay)
    {
        Aws = aws;
        Queue = queue;
        Redemption = redemption;
        Stream = stream;
        Relay = relay;
    }

    public AwsTestResources Aws { get; }

    public TestQueue Queue { get; }

    public AwsServiceHost<Program> Redemption { get; }

    public StreamEventSource Stream { get; }

    /// <summary>The Redemption function's pass-through path, invoked as its event sources invoke it.</summary>
    public LambdaFunction Relay { get; }

    /// <summary>
    /// Starts the stack. <paramref name="settings"/> adds to or replaces the adapter settings (more queues, relay
    /// options), <paramref name="services"/> replaces services of the Redemption app (a clock, a ledger).
    /// </summary>
    public static async Task<RelayStack> StartAsync(
        AwsTestResources aws,
        Dictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        int maxReceiveCount = 5,
        int visibilityTimeoutSeconds = 30,
        int streamRetries = -1,
        Func<JsonObject, bool>? streamFilter = null)
    {
        var queue = await aws.NewEventQueueAsync(maxReceiveCount, visibilityTimeoutSeconds);
        var all = new Dictionary<string, string?>(aws.AdapterSettings) { ["Aws:EventQueues:analytics"] = queue.Url };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var redemption = new AwsServiceHost<Program>(all, s => services?.Invoke(s));
        var relay = redemption.Function(RedemptionApiExtensions.PassThroughPath);
        var (streams, arn) = await aws.StreamAsync();
        var stream = new StreamEventSource(streams, arn, relay) { MaximumRetryAttempts = streamRetries, Filter = streamFilter };
        await stream.StartAtLatestAsync();
        return new RelayStack(aws, queue, redemption, stream, relay);
    }

    /// <summary>New event ids from <paramref name="clock"/>, as every writer makes them.</summary>
    public static string EventId(TimeProvider clock) => Ids.New(DomainEvent.IdPrefix, clock);

    /// <summary>Commits a change and its events in one transaction, as an adapter does.</summary>
    public async Task CommitAsync(params DomainEvent[] events)
    {
        var change = Attr.Key("CAMPAIGN#cmp_" + Guid.NewGuid().ToString("N"), "#META");
        change["doc"] = Attr.S("{}");
        await Aws.DynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = [new() { Put = new Put { TableName = Aws.Table, Item = change } }, .. events.Select(e => OutboxItems.Put(Aws.Table, e))],
        });
    }

    /// <summary>The events of <paramref name="ids"/> still in the pending index.</summary>
    public async Task<List<string>> PendingAsync(IEnumerable<string> ids)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var pending = new List<string>();
        foreach (var shard in Enumerable.Range(0, OutboxItems.Shards))
        {
            var items = await Aws.DynamoDb.QueryAsync(new QueryRequest
            {
                TableName = Aws.Table,
                IndexName = TableLayout.Gsi1,
                KeyConditionExpression = "gsi1pk = :p",
                ExpressionAttributeValues = new() { [":p"] = Attr.S(OutboxItems.PendingPartition(shard)) },
            });
            pending.AddRange((items.Items ?? []).Select(i => i.GetS("eventId")!).Where(wanted.Contains));
        }

        return pending;
    }

    /// <summary>Receives (and deletes) every message now on a queue.</summary>
    public async Task<List<Message>> DrainQueueAsync(string queueUrl)
    {
        var all = new List<Message>();
        while (true)
        {
            var received = await Aws.Sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = 10,
                MessageAttributeNames = ["All"],
                MessageSystemAttributeNames = ["All"],
            });
            if (received.Messages is not { Count: > 0 } messages)
            {
                return all;
            }

            all.AddRange(messages);
            await Aws.Sqs.DeleteMessageBatchAsync(queueUrl, [.. messages.Select((m, i) => new DeleteMessageBatchRequestEntry($"d{i}", m.ReceiptHandle))]);
        }
    }

    public async ValueTask DisposeAsync() => await Redemption.DisposeAsync();
}
