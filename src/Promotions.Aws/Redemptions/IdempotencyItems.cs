using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// Idempotency key items: <c>IDEMPOTENCY#&lt;scope&gt;#&lt;key&gt;</c> / <c>#META</c> with <c>requestHash, leaseToken,
/// leaseUntil, status, body, location, expiresAt</c> (UTC ticks) and <c>ttl</c>. The scope has <c>%</c> and <c>#</c>
/// percent-encoded, so the first <c>#</c> after it always ends it and two (scope, key) pairs never share an item.
/// </summary>
internal static class IdempotencyItems
{
    public static Dictionary<string, AttributeValue> Key(string scope, string key)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return Attr.Key($"IDEMPOTENCY#{scope.Replace("%", "%25", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal)}#{key}", "#META");
    }

    /// <summary>The completion inside a ledger transaction: stores the response if the lease still holds the key.</summary>
    public static TransactWriteItem Complete(string table, IdempotencyLease lease, StoredResponse response)
    {
        var (e, update, condition) = Completion(lease, response);
        return e.Update(table, Key(lease.Scope, lease.Key), update, condition);
    }

    /// <summary>The same completion as a request of its own (a refusal, which changed nothing else).</summary>
    public static UpdateItemRequest CompleteRequest(string table, IdempotencyLease lease, StoredResponse response)
    {
        var (e, update, condition) = Completion(lease, response);
        return new UpdateItemRequest
        {
            TableName = table,
            Key = Key(lease.Scope, lease.Key),
            UpdateExpression = update,
            ConditionExpression = condition,
            ExpressionAttributeNames = e.Names,
            ExpressionAttributeValues = e.Values,
        };
    }

    private static (Expr Expr, string Update, string Condition) Completion(IdempotencyLease lease, StoredResponse response)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(response);
        var e = new Expr();
        var status = e["status"];
        var update = $"SET {status} = {e.Value(response.Status)}, {e["body"]} = {e.Value(response.Body)}";
        update += response.Location is { } location ? $", {e["location"]} = {e.Value(location)}" : "";
        update += $" REMOVE {e["leaseToken"]}, {e["leaseUntil"]}";
        var condition = $"{e["leaseToken"]} = {e.Value(lease.Token)} AND {e["requestHash"]} = {e.Value(lease.RequestHash)} AND attribute_not_exists({status})";
        return (e, update, condition);
    }
}
