using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// An order's redemption item: the document (<see cref="LedgerJson"/>, the shape of every ledger adapter) beside what
/// the conditions and the holds index need — <c>version</c>, <c>status</c>, the promotion counter shard each part was
/// counted on and the budget shard each campaign was charged on (so everything is given back exactly where it was
/// taken) and, while reserved, the sparse <c>HOLDS#</c> keys. Items written before whole-cart redemptions hold one part
/// and its shards as <c>counterShard</c> and <c>budgetShard</c>.
/// </summary>
internal sealed record LedgerRecord(
    OrderRedemption Order, long Version, IReadOnlyDictionary<string, int> CounterShards, IReadOnlyDictionary<string, int> BudgetShards)
{
    private const string CounterShardsAttribute = "counterShards";
    private const string BudgetShardsAttribute = "budgetShards";

    public static LedgerRecord From(Dictionary<string, AttributeValue> item)
    {
        var id = item[TableLayout.Pk].S;
        var doc = item.GetS("doc") ?? throw new InvalidDataException($"Redemption item {id} has no document.");
        var order = LedgerJson.Read(doc, id);
        var counters = Shards(item, CounterShardsAttribute);
        var budgets = Shards(item, BudgetShardsAttribute);
        if (counters.Count == 0 && order.Redemptions is [var single])
        {
            counters[single.PromotionId] = (int)(item.GetN("counterShard") ?? 0);
            if (item.GetN("budgetShard") is { } budgetShard && single.CampaignId is { } campaign)
            {
                budgets[campaign] = (int)budgetShard;
            }
        }

        return new LedgerRecord(order, item.GetN("version") ?? 1, counters, budgets);
    }

    /// <summary>The shard a part's promotion counter was counted on (0 when it was never sharded).</summary>
    public int CounterShardOf(string promotionId) => CounterShards.GetValueOrDefault(promotionId);

    /// <summary>The put of a new redemption (refused if the id exists: ids are never reused).</summary>
    public TransactWriteItem Put(string table)
    {
        var item = LedgerItems.Redemption(Order.Id);
        item["doc"] = Attr.S(LedgerJson.Write(Order));
        item["version"] = Attr.N(1);
        item["status"] = Attr.S(Order.Status.ToString());
        if (CounterShards.Count > 0)
        {
            item[CounterShardsAttribute] = Map(CounterShards);
        }

        if (BudgetShards.Count > 0)
        {
            item[BudgetShardsAttribute] = Map(BudgetShards);
        }
        item[TableLayout.Gsi2Pk] = Attr.S(LedgerItems.OrderPartition(Order.OrderId));
        item[TableLayout.Gsi2Sk] = Attr.S(LedgerItems.ByTime(Order.RedeemedAt, Order.Id));
        if (Order is { Status: RedemptionStatus.Reserved, ExpiresAt: { } expiresAt })
        {
            item[TableLayout.Gsi1Pk] = Attr.S(LedgerItems.HoldsPartition(OutboxItems.ShardOf(Order.Id)));
            item[TableLayout.Gsi1Sk] = Attr.S(LedgerItems.HoldSort(expiresAt, Order.Id));
        }

        var e = new Expr();
        return e.Put(table, item, $"attribute_not_exists({e[TableLayout.Pk]})");
    }

    /// <summary>
    /// The puts of the lookup items that find a new redemption by each distinct code its parts used, in the
    /// transaction that puts the record (the sort key is the time of redemption then the id, so a descending query is
    /// newest first; the order id is the record's own <c>gsi2</c> key instead, which costs the transaction no item).
    /// </summary>
    public IEnumerable<TransactWriteItem> PutLookups(string table)
    {
        var order = Order;
        var keys = order.Redemptions.Select(static p => p.Code).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(code => LedgerItems.ByCode(code, order.RedeemedAt, order.Id));
        foreach (var key in keys)
        {
            key["redemptionId"] = Attr.S(order.Id);
            yield return new TransactWriteItem { Put = new Put { TableName = table, Item = key } };
        }
    }

    /// <summary>
    /// Replaces the document with <paramref name="after"/> if the item is still at this version (and in
    /// <paramref name="expectedStatus"/>, when given); a change out of <c>Reserved</c> leaves the holds index.
    /// </summary>
    public TransactWriteItem Update(string table, OrderRedemption after, RedemptionStatus? expectedStatus)
    {
        ArgumentNullException.ThrowIfNull(after);
        var e = new Expr();
        var version = e["version"];
        var update = $"SET {e["doc"]} = {e.Value(LedgerJson.Write(after))}, "
            + $"{e["status"]} = {e.Value(after.Status.ToString())}, {version} = {e.Value(Version + 1)}";
        if (Order.Status == RedemptionStatus.Reserved && after.Status != RedemptionStatus.Reserved)
        {
            update += $" REMOVE {e[TableLayout.Gsi1Pk]}, {e[TableLayout.Gsi1Sk]}";
        }

        var condition = $"{version} = {e.Value(Version)}";
        if (expectedStatus is { } status)
        {
            condition += $" AND {e["status"]} = {e.Value(status.ToString())}";
        }

        return e.Update(table, LedgerItems.Redemption(Order.Id), update, condition, returnOldOnFailure: true);
    }

    /// <summary>The put of a reversal record beside its redemption.</summary>
    public static TransactWriteItem PutReversal(string table, Reversal reversal)
    {
        ArgumentNullException.ThrowIfNull(reversal);
        var item = LedgerItems.Reversal(reversal.RedemptionId, reversal.Id);
        item["doc"] = Attr.S(JsonSerializer.Serialize(reversal, LedgerJson.Default.Reversal));
        var e = new Expr();
        return e.Put(table, item, $"attribute_not_exists({e[TableLayout.Pk]})");
    }

    private static AttributeValue Map(IReadOnlyDictionary<string, int> shards) =>
        new() { M = shards.ToDictionary(static s => s.Key, static s => Attr.N(s.Value), StringComparer.Ordinal) };

    private static Dictionary<string, int> Shards(Dictionary<string, AttributeValue> item, string attribute) =>
        item.TryGetValue(attribute, out var map) && map.M is { } entries
            ? entries.ToDictionary(static e => e.Key, static e => int.Parse(e.Value.N, CultureInfo.InvariantCulture), StringComparer.Ordinal)
            : new Dictionary<string, int>(StringComparer.Ordinal);
}
