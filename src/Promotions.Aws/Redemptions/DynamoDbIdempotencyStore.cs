using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// Idempotency keys on DynamoDB, one item per (caller, key). Begin is one conditional put that takes the lease
/// only if the key is new, past its retention, or the same request whose lease ran out; when refused, the item's
/// old image says which answer to give, so two requests with one key are decided by DynamoDB, not by a read.
/// Retention is the item's <c>expiresAt</c>, checked on every read: DynamoDB's TTL deletes a key only some time
/// (up to days) after its <c>ttl</c>, and a key past its retention is gone whether or not it was deleted yet.
/// </summary>
internal sealed class DynamoDbIdempotencyStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options, TimeProvider clock) : IIdempotencyStore
{
    private readonly string _table = options.Value.Table;

    public async Task<IdempotencyBegin> BeginAsync(string scope, string key, string requestHash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var lease = new IdempotencyLease(scope, key, requestHash, Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));
        var expiresAt = now + IdempotencyWindow.Retention;
        var item = IdempotencyItems.Key(scope, key);
        item["requestHash"] = Attr.S(requestHash);
        item["leaseToken"] = Attr.S(lease.Token);
        item["leaseUntil"] = Attr.N((now + IdempotencyWindow.Lease).UtcTicks);
        item["expiresAt"] = Attr.N(expiresAt.UtcTicks);
        item[TableLayout.Ttl] = Attr.N(expiresAt.ToUnixTimeSeconds());

        var e = new Expr();
        var ticks = e.Value(now.UtcTicks);
        var condition = $"attribute_not_exists({e[TableLayout.Pk]}) OR {e["expiresAt"]} <= {ticks}"
            + $" OR ({e["requestHash"]} = {e.Value(requestHash)} AND attribute_not_exists({e["status"]}) AND {e["leaseUntil"]} <= {ticks})";
        try
        {
            await dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = _table,
                Item = item,
                ConditionExpression = condition,
                ExpressionAttributeNames = e.Names,
                ExpressionAttributeValues = e.Values,
                ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
            }, ct);
            return new IdempotencyBegin(IdempotencyState.Started, lease);
        }
        catch (ConditionalCheckFailedException refused)
        {
            return Answer(refused.Item ?? [], requestHash);
        }
    }

    public async Task<bool> CompleteAsync(IdempotencyLease lease, StoredResponse response, CancellationToken ct)
    {
        try
        {
            await dynamo.UpdateItemAsync(IdempotencyItems.CompleteRequest(_table, lease, response), ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>
    /// Nothing to do on DynamoDB: its TTL deletes expired keys without a request (and without cost), and a key past
    /// its retention already reads as gone. Finding expired keys here would take a scan or an index written by
    /// every request, to delete what TTL deletes anyway.
    /// </summary>
    public Task<int> PurgeExpiredAsync(int limit, CancellationToken ct) => Task.FromResult(0);

    // The put was refused, so the key is live (not past retention) and either another request's, completed, or in flight.
    private static IdempotencyBegin Answer(Dictionary<string, AttributeValue> old, string requestHash)
    {
        if (old.Count == 0)
        {
            // Refused yet no image: the item vanished in between (TTL); the caller's retry will find it new.
            return new IdempotencyBegin(IdempotencyState.InProgress);
        }

        if (!string.Equals(old.GetS("requestHash"), requestHash, StringComparison.Ordinal))
        {
            return new IdempotencyBegin(IdempotencyState.Mismatch);
        }

        return old.GetN("status") is { } status
            ? new IdempotencyBegin(IdempotencyState.Completed, Response: new StoredResponse((int)status, old.GetS("body") ?? "", old.GetS("location")))
            : new IdempotencyBegin(IdempotencyState.InProgress);
    }
}
