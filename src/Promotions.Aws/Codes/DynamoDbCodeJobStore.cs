using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Codes;

/// <summary>
/// Code jobs on DynamoDB (<c>CODEJOB#&lt;id&gt;</c>): the job as a document, with its <c>state</c> and <c>done</c>
/// beside it for the claim's condition; queued and running jobs are in the sparse index <c>gsi2</c> under
/// <c>CODEJOBS#UNFINISHED</c>.
/// </summary>
internal sealed class DynamoDbCodeJobStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options) : ICodeJobStore
{
    public const string Prefix = "CODEJOB#";
    public const string UnfinishedPartition = "CODEJOBS#UNFINISHED";

    private readonly string _table = options.Value.Table;

    public Task CreateAsync(CodeJob job, CancellationToken ct) =>
        dynamo.PutItemAsync(new PutItemRequest { TableName = _table, Item = Item(job), ConditionExpression = "attribute_not_exists(pk)" }, ct);

    public async Task<CodeJob?> GetAsync(string id, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(id) || !KeyLimits.FitsPartitionKey(Prefix + id))
        {
            return null;
        }

        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = Key(id), ConsistentRead = true }, ct);
        return response.Item is { Count: > 0 } item ? Read(item) : null;
    }

    public Task SaveAsync(CodeJob job, CancellationToken ct) => dynamo.PutItemAsync(new PutItemRequest { TableName = _table, Item = Item(job) }, ct);

    public async Task<IReadOnlyList<CodeJob>> ListUnfinishedAsync(CancellationToken ct)
    {
        var items = await IndexQuery.ReadAsync(dynamo, _table, TableIndex.Gsi2, UnfinishedPartition, null, null, null, ct);
        return [.. items.Select(Read)];
    }

    /// <summary>
    /// Read, then put conditional on the state and progress read: a claim or hand-back in between changes one of them,
    /// so of many claims of one queued job exactly one succeeds, and none writes over progress it did not see.
    /// </summary>
    public async Task<CodeJob?> ClaimAsync(string id, DateTimeOffset? leaseUntil, CancellationToken ct)
    {
        if (await GetAsync(id, ct) is not { State: CodeJobState.Queued } queued)
        {
            return null;
        }

        var running = queued with { State = CodeJobState.Running, LeaseUntil = leaseUntil };
        try
        {
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = Item(running),
                ConditionExpression = "#state = :queued AND done = :done",
                ExpressionAttributeNames = new() { ["#state"] = "state" },
                ExpressionAttributeValues = new() { [":queued"] = Attr.S(nameof(CodeJobState.Queued)), [":done"] = Attr.N(queued.Done) },
            }, ct);
            return running;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    private static Dictionary<string, AttributeValue> Key(string id) => Attr.Key(Prefix + id, "#META");

    private static Dictionary<string, AttributeValue> Item(CodeJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        var item = Key(job.Id);
        item["doc"] = Attr.S(JsonSerializer.Serialize(job, DocumentJson.Default.CodeJob));
        item["state"] = Attr.S(job.State.ToString());
        item["done"] = Attr.N(job.Done);
        if (job.State is CodeJobState.Queued or CodeJobState.Running)
        {
            item[TableLayout.Gsi2Pk] = Attr.S(UnfinishedPartition);
            item[TableLayout.Gsi2Sk] = Attr.S(job.Id);
        }

        return item;
    }

    private static CodeJob Read(Dictionary<string, AttributeValue> item) =>
        JsonSerializer.Deserialize(item.GetS("doc") ?? throw new InvalidDataException($"The code job {item.GetS(TableLayout.Pk)} holds no document."),
            DocumentJson.Default.CodeJob) ?? throw new InvalidDataException($"A null document is stored in {item.GetS(TableLayout.Pk)}.");
}
