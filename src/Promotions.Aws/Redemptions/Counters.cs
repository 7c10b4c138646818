using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// The counters of uses (a promotion shard, a customer of a promotion): one conditional <c>ADD</c> each. The limit
/// comes from the command (the catalog is the one place limits live); the cap last applied is kept for inspection.
/// </summary>
internal static class Counters
{
    public const string Used = "used";

    /// <summary>
    /// Counts one use, refused when it would pass <paramref name="limit"/> (no condition without a limit); with
    /// <paramref name="expires"/> (a counter of a period, which always has a limit) the item gets that <c>ttl</c>.
    /// </summary>
    public static TransactWriteItem Count(string table, Dictionary<string, AttributeValue> key, long? limit, long? cap, DateTimeOffset? expires = null)
    {
        var e = new Expr();
        var used = e[Used];
        if (limit is not { } max)
        {
            return e.Update(table, key, $"ADD {used} {e.Value(1)} REMOVE {e["cap"]}, {e["share"]}", null);
        }

        var under = $"{used} < {e.Value(max)}";
        var update = $"ADD {used} {e.Value(1)} SET {e["cap"]} = {e.Value(cap ?? max)}" + (cap is null ? "" : $", {e["share"]} = {e.Value(max)}")
            + (expires is { } at ? $", {e["ttl"]} = {e.Value(at.ToUnixTimeSeconds())}" : "");

        // A counter never written is at zero: it takes the use if the limit allows one at all.
        return e.Update(table, key, update, max > 0 ? $"(attribute_not_exists({used}) OR {under})" : under, returnOldOnFailure: true);
    }

    /// <summary>Gives one use back; a counter already at zero refuses, which is a double give-back (a bug).</summary>
    public static TransactWriteItem GiveBack(string table, Dictionary<string, AttributeValue> key)
    {
        var e = new Expr();
        var used = e[Used];
        return e.Update(table, key, $"ADD {used} {e.Value(-1)}", $"{used} >= {e.Value(1)}");
    }

    public static long UsedOf(Dictionary<string, AttributeValue>? item) => item?.GetN(Used) ?? 0;
}
