using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Dynamo;

/// <summary>Reads of many items by key, in batches of 100, until DynamoDB has answered every key.</summary>
internal static class BatchReads
{
    private const int BatchSize = 100;

    /// <summary>The items of <paramref name="keys"/> (no key twice), read strongly consistently, in the same order; null where an item does not exist.</summary>
    public static Task<Dictionary<string, AttributeValue>?[]> ReadAsync(
        IAmazonDynamoDB dynamo, string table, IReadOnlyList<Dictionary<string, AttributeValue>> keys, CancellationToken ct) =>
        ReadAsync(dynamo, table, keys, consistent: true, ct);

    /// <summary>
    /// The items of <paramref name="keys"/> (no key twice), in the same order; null where an item does not exist.
    /// An eventually consistent read (<paramref name="consistent"/> false) costs half and may miss the latest writes.
    /// </summary>
    public static async Task<Dictionary<string, AttributeValue>?[]> ReadAsync(
        IAmazonDynamoDB dynamo, string table, IReadOnlyList<Dictionary<string, AttributeValue>> keys, bool consistent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var found = new Dictionary<string, Dictionary<string, AttributeValue>>(StringComparer.Ordinal);
        foreach (var chunk in keys.Chunk(BatchSize))
        {
            var pending = new KeysAndAttributes { Keys = [.. chunk], ConsistentRead = consistent };
            for (var round = 0; pending.Keys is { Count: > 0 }; round++)
            {
                if (round > 0)
                {
                    // Unprocessed keys mean the table is busy: give it a moment of wall time.
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(500, 10 << Math.Min(round, 6))), ct);
                }

                var response = await dynamo.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = new() { [table] = pending } }, ct);
                if (response.Responses?.GetValueOrDefault(table) is { } items)
                {
                    foreach (var item in items)
                    {
                        found[Id(item)] = item;
                    }
                }

                pending = response.UnprocessedKeys?.GetValueOrDefault(table) ?? new KeysAndAttributes();
                pending.ConsistentRead = consistent;
            }
        }

        return [.. keys.Select(k => found.GetValueOrDefault(Id(k)))];
    }

    private static string Id(Dictionary<string, AttributeValue> item) => item[TableLayout.Pk].S + "\n" + item[TableLayout.Sk].S;
}
