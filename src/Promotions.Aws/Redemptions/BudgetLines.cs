using Promotions.Domain.Events;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// Where the 50/80/100 % lines of a budget lie, in minor units, and each shard's part of them. A spend going from
/// <c>before</c> to <c>after</c> crosses a line exactly when <c>before &lt; line ≤ after</c>, the rule of
/// <see cref="RedemptionEvents.ThresholdsCrossed"/> (<c>before·100 &lt; budget·T ≤ after·100</c>) in integers.
/// </summary>
internal static class BudgetLines
{
    /// <summary>The smallest spend at which <paramref name="percent"/> % of <paramref name="budgetMinor"/> is reached.</summary>
    public static long Line(long budgetMinor, int percent) => ((budgetMinor * percent) + 99) / 100;

    /// <summary>Each threshold with shard <paramref name="shard"/>'s part of its line (the parts of all shards sum to the line).</summary>
    public static IEnumerable<(int Percent, long Line)> OfShard(long budgetMinor, int shards, int shard) =>
        BudgetThresholdCrossed.Thresholds.Select(p => (p, ShardLayout.Share(Line(budgetMinor, p), shards, shard)));
}
