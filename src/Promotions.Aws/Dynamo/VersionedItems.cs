using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Dynamo;

/// <summary>
/// The versioned-document operations the catalog stores share on DynamoDB (as <c>DocumentTable</c> does on SQLite):
/// creates, updates and deletes conditional on the version, whose refusals come back with the stored item
/// (<c>ReturnValuesOnConditionCheckFailure = ALL_OLD</c>) to tell a missing item from a stale version without a second
/// read; and lists in id order over the type's <c>gsi1</c> partition. A write with companion items (outbox events,
/// the catalog version, a uniqueness item) is one transaction; a companion's failed condition means a taken unique
/// key (<see cref="WriteStatus.Duplicate"/>).
/// </summary>
internal sealed class VersionedItems<T>(IAmazonDynamoDB dynamo, string table, ItemSchema<T> schema)
    where T : class
{
    public const string Sk = "#META";

    public string Table => table;

    public Dictionary<string, AttributeValue> Key(string id) => Attr.Key(schema.Prefix + id, Sk);

    public async Task<T?> GetAsync(string id, CancellationToken ct) => await GetItemAsync(id, ct) is { } item ? Read(item) : null;

    /// <summary>The stored item itself (consistent read), for a store that needs an attribute besides the document.</summary>
    public async Task<Dictionary<string, AttributeValue>?> GetItemAsync(string id, CancellationToken ct)
    {
        if (!Keyable(id))
        {
            return null;
        }

        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = table, Key = Key(id), ConsistentRead = true }, ct);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>The items with these ids that exist, in id order; 100 keys per request, unprocessed keys asked for again.</summary>
    public async Task<List<T>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var found = new List<T>();
        foreach (var chunk in ids.Where(Keyable).Distinct(StringComparer.Ordinal).Chunk(100))
        {
            var keys = new KeysAndAttributes { Keys = [.. chunk.Select(Key)], ConsistentRead = true };
            for (var attempt = 0; keys is { Keys.Count: > 0 }; attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(20 * Math.Pow(2, Math.Min(attempt, 7))), ct);
                }

                var response = await dynamo.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = new() { [table] = keys } }, ct);
                if (response.Responses?.GetValueOrDefault(table) is { } items)
                {
                    found.AddRange(items.Select(Read));
                }

                keys = response.UnprocessedKeys?.GetValueOrDefault(table);
            }
        }

        found.Sort((a, b) => string.CompareOrdinal(schema.Id(a), schema.Id(b)));
        return found;
    }

    public async Task<Page<T>> ListAsync(ItemFilter filter, ListQuery page, CancellationToken ct)
    {
        var fetch = Pages.FetchSize(page);
        var items = await IndexQuery.ReadAsync(dynamo, table, TableIndex.Gsi1, schema.ListPartition, page.After, fetch, filter, ct);
        return Pages.ToPage([.. items.Select(Read)], page.Limit, schema.Id);
    }

    public async Task<List<T>> ListAllAsync(ItemFilter filter, CancellationToken ct)
    {
        var items = await IndexQuery.ReadAsync(dynamo, table, TableIndex.Gsi1, schema.ListPartition, null, null, filter, ct);
        return [.. items.Select(Read)];
    }

    public async Task<WriteResult<T>> CreateAsync(T item, IReadOnlyList<TransactWriteItem> companions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        var stored = schema.WithVersion(item, 1);
        var put = new Put
        {
            TableName = table,
            Item = ItemOf(stored),
            ConditionExpression = "attribute_not_exists(pk)",
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        return Result(await WriteAsync(new TransactWriteItem { Put = put }, expectedVersion: null, companions, ct), stored);
    }

    public async Task<WriteResult<T>> UpdateAsync(T item, long expectedVersion, IReadOnlyList<TransactWriteItem> companions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(item);
        var stored = schema.WithVersion(item, expectedVersion + 1);
        var put = new Put
        {
            TableName = table,
            Item = ItemOf(stored),
            ConditionExpression = "version = :expected",
            ExpressionAttributeValues = new() { [":expected"] = Attr.N(expectedVersion) },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        return Result(await WriteAsync(new TransactWriteItem { Put = put }, expectedVersion, companions, ct), stored);
    }

    public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, IReadOnlyList<TransactWriteItem> companions, CancellationToken ct)
    {
        if (!Keyable(id))
        {
            return Task.FromResult(WriteStatus.NotFound);
        }

        var delete = new Delete
        {
            TableName = table,
            Key = Key(id),
            ConditionExpression = "version = :expected",
            ExpressionAttributeValues = new() { [":expected"] = Attr.N(expectedVersion) },
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        };
        return WriteAsync(new TransactWriteItem { Delete = delete }, expectedVersion, companions, ct);
    }

    /// <summary>The stored form of <paramref name="stored"/>: keys, document, version and the schema's attributes.</summary>
    public Dictionary<string, AttributeValue> ItemOf(T stored)
    {
        var id = schema.Id(stored);
        var item = Key(id);
        item[TableLayout.Gsi1Pk] = Attr.S(schema.ListPartition);
        item[TableLayout.Gsi1Sk] = Attr.S(id);
        item["doc"] = Attr.S(JsonSerializer.Serialize(stored, schema.Json));
        item["version"] = Attr.N(schema.Version(stored));
        foreach (var (name, value) in schema.Attributes?.Invoke(stored) ?? [])
        {
            if (value is not null)
            {
                item[name] = value;
            }
        }

        return item;
    }

    public T Read(Dictionary<string, AttributeValue> item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var doc = item.GetS("doc") ?? throw new InvalidDataException($"The item {item.GetS(TableLayout.Pk)} in {table} holds no document.");
        return JsonSerializer.Deserialize(doc, schema.Json) ?? throw new InvalidDataException($"A null document is stored in {item.GetS(TableLayout.Pk)}.");
    }

    /// <summary>Whether an item of this type can have the id (a client's id may be empty or longer than a key may be).</summary>
    private bool Keyable(string? id) => !string.IsNullOrEmpty(id) && KeyLimits.FitsPartitionKey(schema.Prefix + id);

    private static WriteResult<T> Result(WriteStatus status, T stored) =>
        status == WriteStatus.Written ? new WriteResult<T>(status, stored) : new WriteResult<T>(status);

    /// <summary>
    /// The document's write alone, or with its companions in one transaction. Alone it is a plain conditional
    /// <c>PutItem</c>/<c>DeleteItem</c>: half the write units of a transaction, and the same answer to a refusal.
    /// </summary>
    private async Task<WriteStatus> WriteAsync(
        TransactWriteItem document, long? expectedVersion, IReadOnlyList<TransactWriteItem> companions, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(companions);
        if (companions.Count > 0)
        {
            var reasons = await Transactions.WriteAsync(dynamo, [document, .. companions], ct);
            return reasons is null ? WriteStatus.Written
                : Transactions.Failed(reasons, 0) ? Refused(reasons[0].Item, expectedVersion)
                : WriteStatus.Duplicate;
        }

        try
        {
            await Transactions.SingleAsync(() => document.Put is { } put
                ? dynamo.PutItemAsync(new PutItemRequest
                {
                    TableName = table,
                    Item = put.Item,
                    ConditionExpression = put.ConditionExpression,
                    ExpressionAttributeValues = put.ExpressionAttributeValues,
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                }, ct)
                : dynamo.DeleteItemAsync(new DeleteItemRequest
                {
                    TableName = table,
                    Key = document.Delete.Key,
                    ConditionExpression = document.Delete.ConditionExpression,
                    ExpressionAttributeValues = document.Delete.ExpressionAttributeValues,
                    ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
                }, ct), ct);
            return WriteStatus.Written;
        }
        catch (ConditionalCheckFailedException e)
        {
            return Refused(e.Item, expectedVersion);
        }
    }

    /// <summary>
    /// What a refused write of the document means, from the stored item the refusal returned: any item refuses a
    /// create; none means nothing to update or delete; another version, a conflict.
    /// </summary>
    private static WriteStatus Refused(Dictionary<string, AttributeValue>? old, long? expectedVersion) =>
        expectedVersion is not { } expected ? WriteStatus.Duplicate
        : old is not { Count: > 0 } ? WriteStatus.NotFound
        : old.GetN("version") == expected ? WriteStatus.Duplicate
        : WriteStatus.VersionConflict;
}
