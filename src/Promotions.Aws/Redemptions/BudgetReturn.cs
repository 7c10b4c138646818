using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// Gives <paramref name="amount"/> (minor units) back to the budget shard a redemption was charged to. Unsharded, that
/// is a plain subtraction: a later charge that crosses a line again writes its event again by itself. Sharded, a
/// give-back that takes the shard back under its part of a line must take the shard out of that threshold's set in
/// the same transaction, so it is planned from a guess of the shard's spend and of the budget it was last charged
/// under, like <see cref="BudgetCharge"/>, and planned again from the real values when the guess was wrong.
/// </summary>
internal sealed class BudgetReturn(string campaignId, long amount, int shards, int shard, long guessSpent, long guessBudget)
{
    public long GuessSpent => guessSpent;

    public long GuessBudget => guessBudget;

    /// <summary>The thresholds whose (shard's part of the) line the give-back goes back under, if the guess is right.</summary>
    public IReadOnlyList<int> Uncrossed => shards == 1
        ? []
        : [.. BudgetLines.OfShard(guessBudget, shards, shard).Where(l => guessSpent - amount < l.Line && l.Line <= guessSpent).Select(l => l.Percent)];

    /// <summary>The plan from the shard's real image (its spend and the budget it was last charged under).</summary>
    public BudgetReturn Replan(Dictionary<string, AttributeValue>? current) =>
        new(campaignId, amount, shards, shard, BudgetCharge.SpentOf(current), current?.GetN("budget") ?? guessBudget);

    /// <summary>
    /// The plan for the next attempt after the shard refused, or null when the refusal was not about the guess: the
    /// shard holds less than is given back, which only a second give-back of one charge could cause (a bug).
    /// </summary>
    public BudgetReturn? Retry(Dictionary<string, AttributeValue>? old) =>
        shards > 1 && BudgetCharge.SpentOf(old) >= amount ? Replan(old) : null;

    public TransactWriteItem Update(string table)
    {
        var e = new Expr();
        var spent = e[BudgetCharge.Spent];

        // Never below zero: giving back more than was charged is a bug, and the transaction refuses it.
        var condition = $"{spent} >= {e.Value(amount)}";
        if (shards > 1)
        {
            condition += $" AND {e["budget"]} = {e.Value(guessBudget)}";
            if (Uncrossed.Count > 0)
            {
                condition += $" AND {spent} = {e.Value(guessSpent)}";
            }
            else
            {
                foreach (var (_, line) in BudgetLines.OfShard(guessBudget, shards, shard))
                {
                    condition += $" AND NOT ({spent} BETWEEN {e.Value(line)} AND {e.Value(line + amount - 1)})";
                }
            }
        }

        return e.Update(table, LedgerItems.BudgetCounter(campaignId, shard), $"ADD {spent} {e.Value(-amount)}", condition, returnOldOnFailure: true);
    }

    /// <summary>The removal of this shard from the sets of the thresholds it goes back under, or null when there are none.</summary>
    public TransactWriteItem? MarksUpdate(string table)
    {
        if (Uncrossed.Count == 0)
        {
            return null;
        }

        var e = new Expr();
        var me = e.Value(new AttributeValue { NS = [shard.ToString(System.Globalization.CultureInfo.InvariantCulture)] });
        var removes = Uncrossed.Select(p => $"{e[ThresholdMarks.Attribute(p)]} {me}").ToList();
        return e.Update(table, LedgerItems.Thresholds(campaignId, guessBudget), "DELETE " + string.Join(", ", removes), null);
    }
}
