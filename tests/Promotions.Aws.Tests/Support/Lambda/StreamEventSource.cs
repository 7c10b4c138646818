using System.Numerics;
using System.Text.Json.Nodes;

namespace Promotions.Aws.Tests.Support.Lambda;

/// <summary>
/// A DynamoDB stream's event source mapping, as Lambda runs it: each shard is read in order from a checkpoint,
/// records that pass <see cref="Filter"/> go to the function in batches of up to <see cref="BatchSize"/> as a
/// stream event (<c>{"Records":[…]}</c>, each record with its <c>eventSourceARN</c>), and the partial batch
/// response moves the checkpoint: to after the batch on success, to the lowest reported sequence number on a
/// partial failure, back to the batch's start on a complete failure. After <see cref="MaximumRetryAttempts"/>
/// failed retries of a batch the batch is dropped, as Lambda drops it (no on-failure destination).
/// </summary>
public sealed class StreamEventSource(DynamoDbStreamsClient streams, string streamArn, LambdaFunction function)
{
    private readonly Dictionary<string, Shard> _shards = new(StringComparer.Ordinal);

    /// <summary>
    /// The relay mapping's filter in template.yaml, <c>{"eventName":["INSERT"],"dynamodb":{"Keys":{"pk":{"S":[{"prefix":"OUTBOX#"}]}}}}</c>:
    /// new outbox items only.
    /// </summary>
    public static Func<JsonObject, bool> OutboxInserts { get; } = record =>
        (string?)record["eventName"] == "INSERT"
        && ((string?)record["dynamodb"]?["Keys"]?["pk"]?["S"])?.StartsWith("OUTBOX#", StringComparison.Ordinal) == true;

    public int BatchSize { get; init; } = 100;

    /// <summary>Retries of a failing batch before it is dropped; -1 retries until the records expire (Lambda's default).</summary>
    public int MaximumRetryAttempts { get; init; } = -1;

    /// <summary>The mapping's filter criteria: records it refuses are never delivered (and not retried).</summary>
    public Func<JsonObject, bool>? Filter { get; init; }

    /// <summary>Records dropped after their retries ran out.</summary>
    public int Dropped { get; private set; }

    /// <summary>Starts every current shard at <c>LATEST</c>, as a new mapping does, so earlier changes are not delivered.</summary>
    public async Task StartAtLatestAsync(CancellationToken ct = default)
    {
        foreach (var shardId in await streams.ShardsAsync(streamArn, ct))
        {
            _shards[shardId] = new Shard(await streams.IteratorAsync(streamArn, shardId, "LATEST", null, ct));
        }
    }

    /// <summary>One round over every shard; returns how many records were delivered (retries included).</summary>
    public async Task<int> PollAsync(CancellationToken ct = default)
    {
        foreach (var shardId in await streams.ShardsAsync(streamArn, ct))
        {
            if (!_shards.ContainsKey(shardId))
            {
                // A shard that appeared after the start (a split) is read from its first record.
                _shards[shardId] = new Shard(await streams.IteratorAsync(streamArn, shardId, "TRIM_HORIZON", null, ct));
            }
        }

        var delivered = 0;
        foreach (var (shardId, shard) in _shards)
        {
            delivered += await PollShardAsync(shardId, shard, ct);
        }

        return delivered;
    }

    /// <summary>Polls until a round delivers nothing.</summary>
    public async Task DrainAsync(CancellationToken ct = default)
    {
        for (var round = 0; round < 50 && await PollAsync(ct) > 0; round++)
        {
        }
    }

    private async Task<int> PollShardAsync(string shardId, Shard shard, CancellationToken ct)
    {
        if (shard.Iterator is null)
        {
            return 0;
        }

        var (records, next) = await streams.RecordsAsync(shard.Iterator, BatchSize, ct);
        var batch = records.Where(r => Filter?.Invoke(r) ?? true).ToList();
        if (batch.Count == 0)
        {
            shard.Iterator = next;
            return 0;
        }

        var lambdaEvent = new JsonObject
        {
            ["Records"] = new JsonArray([.. batch.Select(r =>
            {
                var record = r.DeepClone().AsObject();
                record["eventSourceARN"] = streamArn;
                return (JsonNode)record;
            })]),
        };
        var sequences = batch.Select(Sequence).ToList();
        var failures = (await function.InvokeAsync(lambdaEvent, ct)).Failures(sequences);
        if (failures is { Count: 0 })
        {
            shard.Iterator = next;
            shard.Attempts = 0;
            return batch.Count;
        }

        // Retries restart at the lowest failed record (or the batch's first, when the whole batch failed).
        var from = failures is null ? sequences[0] : failures.MinBy(BigInteger.Parse)!;
        if (MaximumRetryAttempts >= 0 && ++shard.Attempts > MaximumRetryAttempts)
        {
            Dropped += batch.Count - sequences.IndexOf(from);
            shard.Iterator = next;
            shard.Attempts = 0;
        }
        else
        {
            shard.Iterator = await streams.IteratorAsync(streamArn, shardId, "AT_SEQUENCE_NUMBER", from, ct);
        }

        return batch.Count;
    }

    private static string Sequence(JsonObject record) => record["dynamodb"]!["SequenceNumber"]!.GetValue<string>();

    private sealed class Shard(string? iterator)
    {
        public string? Iterator { get; set; } = iterator;

        public int Attempts { get; set; }
    }
}
