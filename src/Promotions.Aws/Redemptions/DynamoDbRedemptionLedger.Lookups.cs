using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// Support's lookups, newest first by one descending <c>Query</c>, both eventually consistent: an order id's records
/// on <c>gsi2</c> (<c>ORDER#&lt;orderId&gt;</c>, the records themselves), a code's lookup items
/// (<c>REDEMPTIONCODE#</c>, written in the transaction that puts each record) then the records by one <c>BatchGetItem</c>.
/// </summary>
internal sealed partial class DynamoDbRedemptionLedger
{
    public async Task<IReadOnlyList<OrderRedemption>> ListByOrderAsync(string orderId, int limit, CancellationToken ct)
    {
        var items = await QueryAsync(TableLayout.Gsi2, TableLayout.Gsi2Pk, LedgerItems.OrderPartition(orderId), limit, ct);
        return [.. items.Select(static i => LedgerRecord.From(i).Order)];
    }

    public Task<IReadOnlyList<OrderRedemption>> ListByCodeAsync(string normalizedCode, int limit, CancellationToken ct) =>
        ListAsync(LedgerItems.CodePartition(normalizedCode), limit, ct);

    private async Task<IReadOnlyList<OrderRedemption>> ListAsync(string partition, int limit, CancellationToken ct)
    {
        var found = await QueryAsync(null, TableLayout.Pk, partition, limit, ct);
        var keys = found.Select(static i => LedgerItems.Redemption(i["redemptionId"].S)).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var records = await BatchReads.ReadAsync(dynamo, _table, keys, consistent: false, ct);
        return [.. records.OfType<Dictionary<string, AttributeValue>>().Select(static i => LedgerRecord.From(i).Order)];
    }

    private async Task<List<Dictionary<string, AttributeValue>>> QueryAsync(string? index, string key, string partition, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var e = new Expr();
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = _table,
            IndexName = index,
            KeyConditionExpression = $"{e[key]} = {e.Value(partition)}",
            ExpressionAttributeNames = e.Names,
            ExpressionAttributeValues = e.Values,
            ScanIndexForward = false,
            Limit = limit,
        }, ct);
        return response.Items ?? [];
    }
}
