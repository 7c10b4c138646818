using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Events;

namespace Promotions.Aws.Events;

/// <summary>
/// The read side of the outbox on DynamoDB: pending items are those still in the sparse index <c>gsi1</c>
/// (<see cref="OutboxItems"/>); marking one takes it out of the index and gives it a TTL, so dispatched events
/// stay readable for a week (for inspection) and then go.
/// </summary>
internal sealed class DynamoDbOutbox(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options, TimeProvider clock) : IOutbox
{
    /// <summary>How long a dispatched event is kept before DynamoDB deletes it.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    private readonly string _table = options.Value.Table;

    public async Task<IReadOnlyList<OutboxMessage>> ReadPendingAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);

        // Each shard is read in id order (ids sort by time); the oldest of all shards are kept.
        var shards = await Task.WhenAll(Enumerable.Range(0, OutboxItems.Shards).Select(shard => ReadShardAsync(shard, limit, ct)));
        return [.. shards.SelectMany(s => s).OrderBy(m => m.EventId, StringComparer.Ordinal).Take(limit)];
    }

    public async Task MarkDispatchedAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        var now = clock.GetUtcNow();
        foreach (var chunk in eventIds.Distinct(StringComparer.Ordinal).Chunk(16))
        {
            await Task.WhenAll(chunk.Select(id => MarkAsync(id, now, ct)));
        }
    }

    private async Task MarkAsync(string eventId, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _table,
                Key = Attr.Key(OutboxItems.PkPrefix + eventId, OutboxItems.Sk),
                UpdateExpression = "REMOVE gsi1pk, gsi1sk SET dispatchedAt = :now, #ttl = :ttl",
                ConditionExpression = "attribute_exists(pk)",
                ExpressionAttributeNames = new() { ["#ttl"] = TableLayout.Ttl },
                ExpressionAttributeValues = new()
                {
                    [":now"] = Attr.S(now.ToString("O", CultureInfo.InvariantCulture)),
                    [":ttl"] = Attr.N((now + Retention).ToUnixTimeSeconds()),
                },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // An unknown id is ignored, as the port says: marking must never create an item.
        }
    }

    private async Task<List<OutboxMessage>> ReadShardAsync(int shard, int limit, CancellationToken ct)
    {
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = _table,
            IndexName = TableLayout.Gsi1,
            KeyConditionExpression = "gsi1pk = :shard",
            ExpressionAttributeValues = new() { [":shard"] = Attr.S(OutboxItems.PendingPartition(shard)) },
            Limit = limit,
        }, ct);
        return [.. (response.Items ?? []).Select(ToMessage)];
    }

    /// <summary>
    /// One page of a shard's pending events written before <paramref name="before"/>, oldest first: the readable
    /// events, the keys of items that are not readable events, and where the next page starts (null after the last).
    /// </summary>
    public async Task<PendingPage> ReadPendingPageAsync(
        int shard, DateTimeOffset before, int limit, Dictionary<string, AttributeValue>? start, CancellationToken ct)
    {
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = _table,
            IndexName = TableLayout.Gsi1,
            KeyConditionExpression = "gsi1pk = :shard AND gsi1sk < :before",
            ExpressionAttributeValues = new()
            {
                [":shard"] = Attr.S(OutboxItems.PendingPartition(shard)),
                [":before"] = Attr.S(OutboxItems.PendingBefore(before)),
            },
            Limit = limit,
            ExclusiveStartKey = start,
        }, ct);
        var items = response.Items ?? [];
        return new PendingPage(
            [.. items.Select(OutboxItems.Read).OfType<OutboxMessage>()],
            [.. items.Where(i => OutboxItems.Read(i) is null).Select(i => i.GetS(TableLayout.Pk) ?? "")],
            response.LastEvaluatedKey is { Count: > 0 } key ? key : null);
    }

    private static OutboxMessage ToMessage(Dictionary<string, AttributeValue> item) =>
        OutboxItems.Read(item) ?? throw new InvalidDataException($"The outbox item {item.GetS(TableLayout.Pk)} is not a readable event.");
}
