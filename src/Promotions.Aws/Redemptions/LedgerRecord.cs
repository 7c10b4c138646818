using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// A redemption item: the document (<see cref="LedgerJson"/>, the shape of every ledger adapter) beside what the
/// conditions and the holds index need — <c>version</c>, <c>status</c>, the counter and budget shards it was counted
/// on (so everything is given back exactly where it was taken) and, while reserved, the sparse <c>HOLDS#</c> keys.
/// </summary>
internal sealed record LedgerRecord(Redemption Redemption, long Version, int CounterShard, int? BudgetShard)
{
    public static LedgerRecord From(Dictionary<string, AttributeValue> item)
    {
        var doc = item.GetS("doc") ?? throw new InvalidDataException($"Redemption item {item[TableLayout.Pk].S} has no document.");
        var redemption = JsonSerializer.Deserialize(doc, LedgerJson.Default.Redemption)
            ?? throw new InvalidDataException($"Redemption item {item[TableLayout.Pk].S} holds a null document.");
        return new LedgerRecord(redemption, item.GetN("version") ?? 1, (int)(item.GetN("counterShard") ?? 0), (int?)item.GetN("budgetShard"));
    }

    /// <summary>The put of a new redemption (refused if the id exists: ids are never reused).</summary>
    public TransactWriteItem Put(string table)
    {
        var item = LedgerItems.Redemption(Redemption.Id);
        item["doc"] = Attr.S(JsonSerializer.Serialize(Redemption, LedgerJson.Default.Redemption));
        item["version"] = Attr.N(1);
        item["status"] = Attr.S(Redemption.Status.ToString());
        item["counterShard"] = Attr.N(CounterShard);
        if (BudgetShard is { } budgetShard)
        {
            item["budgetShard"] = Attr.N(budgetShard);
        }

        if (Redemption is { Status: RedemptionStatus.Reserved, ExpiresAt: { } expiresAt })
        {
            item[TableLayout.Gsi1Pk] = Attr.S(LedgerItems.HoldsPartition(OutboxItems.ShardOf(Redemption.Id)));
            item[TableLayout.Gsi1Sk] = Attr.S(LedgerItems.HoldSort(expiresAt, Redemption.Id));
        }

        var e = new Expr();
        return e.Put(table, item, $"attribute_not_exists({e[TableLayout.Pk]})");
    }

    /// <summary>
    /// Replaces the document with <paramref name="after"/> if the item is still at this version (and in
    /// <paramref name="expectedStatus"/>, when given); a change out of <c>Reserved</c> leaves the holds index.
    /// </summary>
    public TransactWriteItem Update(string table, Redemption after, RedemptionStatus? expectedStatus = null)
    {
        ArgumentNullException.ThrowIfNull(after);
        var e = new Expr();
        var version = e["version"];
        var update = $"SET {e["doc"]} = {e.Value(JsonSerializer.Serialize(after, LedgerJson.Default.Redemption))}, "
            + $"{e["status"]} = {e.Value(after.Status.ToString())}, {version} = {e.Value(Version + 1)}";
        if (Redemption.Status == RedemptionStatus.Reserved && after.Status != RedemptionStatus.Reserved)
        {
            update += $" REMOVE {e[TableLayout.Gsi1Pk]}, {e[TableLayout.Gsi1Sk]}";
        }

        var condition = $"{version} = {e.Value(Version)}";
        if (expectedStatus is { } status)
        {
            condition += $" AND {e["status"]} = {e.Value(status.ToString())}";
        }

        return e.Update(table, LedgerItems.Redemption(Redemption.Id), update, condition, returnOldOnFailure: true);
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
}
