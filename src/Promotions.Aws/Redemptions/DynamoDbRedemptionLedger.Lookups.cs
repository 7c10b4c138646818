using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// Support's lookups: the lookup items of an order id (<c>ORDER#</c>) or of a code (<c>REDEMPTIONCODE#</c>), written
/// in the transaction that puts each record, read newest first by one descending <c>Query</c>, then the records
/// themselves by one <c>BatchGetItem</c>; both reads are eventually consistent.
/// </summary>
internal sealed partial class DynamoDbRedemptionLedger
{
    public Task<IReadOnlyList<OrderRedemption>> ListByOrderAsync(string orderId, int limit, CancellationToken ct) =>
        ListAsync(LedgerItems.OrderPartition(orderId), limit, ct);

    public Task<IReadOnlyList<OrderRedemption>> ListByCodeAsync(string normalizedCode, int limit, CancellationToken ct) =>
        ListAsync(LedgerItems.CodePartition(normalizedCode), limit, ct);

    private async Task<IReadOnlyList<OrderRedemption>> ListAsync(string partition, int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var e = new Expr();
        var response = await dynamo.QueryAsync(new QueryRequest
        {
            TableName = _table,
            KeyConditionExpression = $"{e[TableLayout.Pk]} = {e.Value(partition)}",
            ExpressionAttributeNames = e.Names,
            ExpressionAttributeValues = e.Values,
            ScanIndexForward = false,
            Limit = limit,
        }, ct);
        var keys = (response.Items ?? []).Select(static i => LedgerItems.Redemption(i["redemptionId"].S)).ToList();
        if (keys.Count == 0)
        {
            return [];
        }

        var records = await BatchReads.ReadAsync(dynamo, _table, keys, consistent: false, ct);
        return [.. records.OfType<Dictionary<string, AttributeValue>>().Select(static i => LedgerRecord.From(i).Order)];
    }
}
