using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Dynamo;

/// <summary>
/// Reads one partition of an index in sort-key order, from after a key, until enough items passed the filter or the
/// partition ends: a filter applies after the key condition, so one query page may return few (or no) items and the
/// read goes on with the next page.
/// </summary>
internal static class IndexQuery
{
    // With a filter most items read may be dropped; a larger page saves round trips without reading much extra.
    private const int FilteredPage = 250;

    /// <summary>Up to <paramref name="want"/> items (all when null) of <paramref name="partition"/> after <paramref name="after"/>.</summary>
    public static async Task<List<Dictionary<string, AttributeValue>>> ReadAsync(
        IAmazonDynamoDB dynamo, string table, TableIndex index, string partition, string? after, int? want, ItemFilter? filter, CancellationToken ct)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        await foreach (var page in PagesAsync(dynamo, table, index, partition, after, want, filter, ct))
        {
            items.AddRange(page);
            if (want is { } w && items.Count >= w)
            {
                items.RemoveRange(w, items.Count - w);
                break;
            }
        }

        return items;
    }

    /// <summary>The partition page by page, for readers that stream (exports).</summary>
    public static async IAsyncEnumerable<List<Dictionary<string, AttributeValue>>> PagesAsync(
        IAmazonDynamoDB dynamo, string table, TableIndex index, string partition, string? after, int? want, ItemFilter? filter,
        [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dynamo);
        ArgumentNullException.ThrowIfNull(index);
        if (!KeyLimits.FitsPartitionKey(partition))
        {
            yield break;
        }

        after = KeyLimits.SortKeyBound(after);
        var read = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var request = Request(table, index, partition, after, filter);
            if (want is { } w)
            {
                request.Limit = filter is null || filter.IsEmpty ? Math.Max(w - read, 1) : Math.Max(w - read, FilteredPage);
            }

            request.ExclusiveStartKey = start;
            var response = await dynamo.QueryAsync(request, ct);
            var page = response.Items ?? [];
            read += page.Count;
            yield return page;
            start = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (start is not null && (want is null || read < want));
    }

    private static QueryRequest Request(string table, TableIndex index, string partition, string? after, ItemFilter? filter)
    {
        var request = new QueryRequest
        {
            TableName = table,
            IndexName = index.Name,
            KeyConditionExpression = after is null ? "#pk = :pk" : "#pk = :pk AND #sk > :after",
            ExpressionAttributeNames = new() { ["#pk"] = index.PartitionKey },
            ExpressionAttributeValues = new() { [":pk"] = Attr.S(partition) },
        };
        if (after is not null)
        {
            request.ExpressionAttributeNames["#sk"] = index.SortKey;
            request.ExpressionAttributeValues[":after"] = Attr.S(after);
        }

        if (filter is { IsEmpty: false })
        {
            request.FilterExpression = filter.Expression;
            foreach (var (name, attribute) in filter.Names)
            {
                request.ExpressionAttributeNames[name] = attribute;
            }

            foreach (var (name, value) in filter.Values)
            {
                request.ExpressionAttributeValues[name] = value;
            }
        }

        return request;
    }
}
