using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Domain.CodeAttempts;
using Promotions.Domain.Ports;

namespace Promotions.Aws.CodeAttempts;

/// <summary>
/// Code attempt counts on the main table: <c>CODEATTEMPTS#&lt;key&gt;</c> / <c>#META</c> with <c>windowStart</c>,
/// <c>lockedUntil</c> (UTC ticks), <c>unknown</c> and <c>ttl</c>. Adding is a conditional update: <c>ADD</c> to the open
/// window, or, when the window has ended or there is none, a new window; two adds racing at a window's end are
/// decided by the conditions, and each counts once. Reads are eventually consistent (half the cost): a count a
/// moment old only lets the request that finds it try its codes, and counting those reads the item anew.
/// </summary>
internal sealed class DynamoDbCodeAttemptStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options) : ICodeAttemptStore
{
    private const string WindowStart = "windowStart";
    private const string Unknown = "unknown";
    private const string LockedUntil = "lockedUntil";

    private readonly string _table = options.Value.Table;

    public async Task<IReadOnlyList<CodeAttemptCount>> FindAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0)
        {
            return [];
        }

        var items = await BatchReads.ReadAsync(dynamo, _table, [.. keys.Distinct(StringComparer.Ordinal).Select(Key)], consistent: false, ct);
        return [.. items.OfType<Dictionary<string, AttributeValue>>().Select(Read)];
    }

    public async Task<CodeAttemptCount> AddUnknownAsync(string key, int unknown, DateTimeOffset now, CodeAttemptLimit limit, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unknown);
        var cutoff = (now - limit.Window).UtcTicks;
        var ttl = (now + limit.Retention).ToUnixTimeSeconds() + 1;

        // Either the window is open (add to it) or it is not (start one); a refusal means the other case held when the
        // request ran, so each is tried at most twice.
        for (var attempt = 0; ; attempt++)
        {
            var e = new Expr();
            var open = $"{e[WindowStart]} > {e.Value(cutoff)}";
            var request = new UpdateItemRequest
            {
                TableName = _table,
                Key = Key(key),
                ReturnValues = ReturnValue.ALL_NEW,
            };
            if (attempt % 2 == 0)
            {
                request.UpdateExpression = $"ADD {e[Unknown]} {e.Value(unknown)} SET {e[TableLayout.Ttl]} = {e.Value(ttl)}";
                request.ConditionExpression = open;
            }
            else
            {
                request.UpdateExpression = $"SET {e[WindowStart]} = {e.Value(now.UtcTicks)}, {e[Unknown]} = {e.Value(unknown)}, {e[TableLayout.Ttl]} = {e.Value(ttl)}";
                request.ConditionExpression = $"attribute_not_exists({e[TableLayout.Pk]}) OR NOT ({open})";
            }

            request.ExpressionAttributeNames = e.Names;
            request.ExpressionAttributeValues = e.Values;
            try
            {
                return Read((await dynamo.UpdateItemAsync(request, ct)).Attributes);
            }
            catch (ConditionalCheckFailedException) when (attempt < 3)
            {
                // The window opened or ended between the two conditions: the other update applies now.
            }
        }
    }

    public async Task LockAsync(string key, DateTimeOffset until, CancellationToken ct)
    {
        var e = new Expr();
        var ticks = e.Value(until.UtcTicks);
        try
        {
            await dynamo.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = _table,
                Key = Key(key),
                UpdateExpression = $"SET {e[LockedUntil]} = {ticks}",
                ConditionExpression = $"attribute_exists({e[TableLayout.Pk]}) AND (attribute_not_exists({e[LockedUntil]}) OR {e[LockedUntil]} < {ticks})",
                ExpressionAttributeNames = e.Names,
                ExpressionAttributeValues = e.Values,
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // No count (nothing to lock), or a lock that ends later already holds.
        }
    }

    private static Dictionary<string, AttributeValue> Key(string key) => Attr.Key("CODEATTEMPTS#" + key, "#META");

    private static CodeAttemptCount Read(Dictionary<string, AttributeValue> item) => new(
        item.GetS(TableLayout.Pk)!["CODEATTEMPTS#".Length..],
        new DateTimeOffset(item.GetN(WindowStart) ?? 0, TimeSpan.Zero),
        (int)(item.GetN(Unknown) ?? 0),
        item.GetN(LockedUntil) is { } locked ? new DateTimeOffset(locked, TimeSpan.Zero) : null);
}
