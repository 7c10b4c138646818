using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// The redemption ledger on DynamoDB (docs/redemption.md). Every change is one <c>TransactWriteItems</c> whose
/// conditions decide every limit; its cancellation reasons say which limit refused, so nothing is checked first and
/// acted on later, and a refused redemption leaves nothing. Reads are strongly consistent, but for the batched
/// usage read of the offers logic, which is advisory.
/// </summary>
internal sealed partial class DynamoDbRedemptionLedger(
    IAmazonDynamoDB dynamo, IOptions<AwsOptions> options, ShardLayout layout, TimeProvider clock) : IRedemptionLedger
{
    /// <summary>
    /// Attempts of one operation before it gives up: each retry follows a refusal by one shard, a wrong guess of a
    /// budget's spend or a concurrent change of the same redemption, each of which only happens a few times.
    /// </summary>
    private const int MaxAttempts = 32;

    private const int ExpiryParallelism = 8;

    private readonly string _table = options.Value.Table;

    public async Task<OrderRedemption?> GetAsync(string id, CancellationToken ct) => (await ReadAsync(id, ct))?.Order;

    public async Task<int> ExpireDueAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var now = clock.GetUtcNow();
        var shards = await Task.WhenAll(Enumerable.Range(0, LedgerItems.HoldShards).Select(s => DueHoldsAsync(s, now, limit, ct)));
        var due = shards.SelectMany(s => s)
            .OrderBy(i => i[TableLayout.Gsi1Sk].S, StringComparer.Ordinal)
            .Take(limit)
            .Select(LedgerRecord.From)
            .Where(r => r.Order is { Status: RedemptionStatus.Reserved, ExpiresAt: { } at } && at <= now)
            .ToList();

        // The index is eventually consistent: a hold confirmed a moment ago may still be listed, and its expiry's
        // condition on status and version then refuses, so it is not counted.
        var expired = 0;
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = ExpiryParallelism, CancellationToken = ct }, async (record, token) =>
        {
            if (await ExpireAsync(record.Order.Id, token))
            {
                Interlocked.Increment(ref expired);
            }
        });
        return expired;
    }

    private async Task<List<Dictionary<string, AttributeValue>>> DueHoldsAsync(int shard, DateTimeOffset now, int limit, CancellationToken ct)
    {
        var e = new Expr();
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = _table,
            IndexName = TableLayout.Gsi1,
            KeyConditionExpression = $"{e[TableLayout.Gsi1Pk]} = {e.Value(LedgerItems.HoldsPartition(shard))} AND {e[TableLayout.Gsi1Sk]} < {e.Value(LedgerItems.HoldsDueBefore(now))}",
            ExpressionAttributeNames = e.Names,
            ExpressionAttributeValues = e.Values,
            Limit = limit,
        }, ct);
        return response.Items ?? [];
    }

    private async Task<LedgerRecord?> ReadAsync(string id, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = LedgerItems.Redemption(id), ConsistentRead = true }, ct);
        return response.Item is { Count: > 0 } item ? LedgerRecord.From(item) : null;
    }

    private Task<Cancellation?> WriteAsync(List<TransactWriteItem> items, CancellationToken ct) => Transactions.TryWriteAsync(dynamo, items, ct);
}
