using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Events;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// The charge of one redemption to one budget shard, planned from a guess of the shard's spend so that the threshold
/// events can be written in the same transaction. The guess is never trusted: the shard's condition holds exactly
/// when the guess leads to the same crossings as the real spend. Away from a line that condition is "the spend is
/// outside the few values from which this charge would cross a line", which concurrent charges do not contend on;
/// for a charge that crosses, it is "the spend is exactly the guess", so the event carries the exact spend. A wrong
/// guess fails the condition, the cancellation returns the shard's real spend (<c>ALL_OLD</c>) and the charge is
/// planned again from it: as the spend only moves towards the lines and past them, a charge is planned again at
/// most a few times.
/// </summary>
internal sealed class BudgetCharge(string campaignId, string currency, long amount, long budgetMinor, int shards, int shard, long guess)
{
    public const string Spent = "spent";

    public int Shard => shard;

    public long ShardShare => ShardLayout.Share(budgetMinor, shards, shard);

    /// <summary>True when the charge fits the shard if the guess is right.</summary>
    public bool Fits => guess + amount <= ShardShare;

    /// <summary>The thresholds whose line (the shard's part of it, when sharded) this charge crosses if the guess is right.</summary>
    public IReadOnlyList<int> Crossed =>
        Fits ? [.. BudgetLines.OfShard(budgetMinor, shards, shard).Where(l => guess < l.Line && l.Line <= guess + amount).Select(l => l.Percent)] : [];

    public TransactWriteItem Update(string table)
    {
        var e = new Expr();
        var spent = e[Spent];
        var update = $"ADD {spent} {e.Value(amount)} SET {e["budget"]} = {e.Value(budgetMinor)}, {e["share"]} = {e.Value(ShardShare)}, {e["currency"]} = {e.Value(currency)}";
        return e.Update(table, LedgerItems.BudgetCounter(campaignId, shard), update, Condition(e, spent), returnOldOnFailure: true);
    }

    /// <summary>The marks of a sharded budget's thresholds that this charge adds, or null when it crosses none (or is unsharded).</summary>
    public TransactWriteItem? MarksUpdate(string table, ThresholdMarks marks)
    {
        if (shards == 1 || Crossed.Count == 0)
        {
            return null;
        }

        var e = new Expr();
        var me = e.Value(new AttributeValue { NS = [shard.ToString(System.Globalization.CultureInfo.InvariantCulture)] });
        var number = e.Value(shard);
        var others = e.Value(shards - 1);
        var adds = new List<string>();
        var conditions = new List<string>();
        foreach (var percent in Crossed)
        {
            var set = e[ThresholdMarks.Attribute(percent)];
            adds.Add($"{set} {me}");
            conditions.Add(marks.Completes(percent, shard, shards)
                ? $"(size({set}) = {others} AND NOT contains({set}, {number}))"
                : $"(attribute_not_exists({set}) OR contains({set}, {number}) OR size({set}) <> {others})");
        }

        return e.Update(table, LedgerItems.Thresholds(campaignId, budgetMinor), "ADD " + string.Join(", ", adds),
            string.Join(" AND ", conditions), returnOldOnFailure: true);
    }

    /// <summary>
    /// The threshold events of this charge if the guess (and, when sharded, the marks) are right: unsharded, each
    /// crossing, with the exact spend after; sharded, each crossing that completes its set, with the spend of the
    /// other shards as read just before (<paramref name="othersSpent"/>) plus this shard's, never below the line.
    /// </summary>
    public IEnumerable<BudgetThresholdCrossed> Events(ThresholdMarks marks, long othersSpent, TimeProvider clock)
    {
        if (shards == 1)
        {
            return Fits ? RedemptionEvents.ThresholdsCrossed(campaignId, guess, guess + amount, budgetMinor, currency, clock) : [];
        }

        return Crossed
            .Where(percent => marks.Completes(percent, shard, shards))
            .Select(percent => RedemptionEvents.ThresholdCrossed(campaignId, percent,
                Math.Max(BudgetLines.Line(budgetMinor, percent), othersSpent + guess + amount), budgetMinor, currency, clock))
            .ToList();
    }

    private string Condition(Expr e, string spent)
    {
        var max = e.Value(ShardShare - amount);
        if (!Fits)
        {
            // Known not to fit: sent anyway only so that the code and the other limits are judged too; always fails.
            return $"{spent} <= {max}";
        }

        if (Crossed.Count > 0)
        {
            var exact = $"{spent} = {e.Value(guess)}";
            return guess == 0 ? $"(attribute_not_exists({spent}) OR {exact})" : exact;
        }

        var windows = BudgetLines.OfShard(budgetMinor, shards, shard)
            .Select(l => (Low: Math.Max(0, l.Line - amount), High: l.Line - 1))
            .Where(w => w.High >= w.Low && w.Low <= ShardShare - amount)
            .ToList();
        var present = string.Concat($"{spent} <= {max}",
            string.Concat(windows.Select(w => $" AND NOT ({spent} BETWEEN {e.Value(w.Low)} AND {e.Value(w.High)})")));
        var zeroIsSafe = windows.All(static w => w.Low > 0);
        return zeroIsSafe ? $"(attribute_not_exists({spent}) OR ({present}))" : present;
    }

    /// <summary>The spend of a budget shard item (0 when it does not exist yet).</summary>
    public static long SpentOf(Dictionary<string, AttributeValue>? item) => item?.GetN(Spent) ?? 0;
}
