using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Promotions.Domain.Events;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// The thresholds item of a sharded budget (one per budget amount): for each threshold, the number set of the shards
/// whose spend is at or past their part of that threshold's line. Every change of a shard that crosses its part of a
/// line adds or removes the shard here in the same transaction, so the set is always exactly those shards, and the
/// change that completes a set is the one that writes the threshold event.
/// </summary>
internal sealed class ThresholdMarks
{
    public static ThresholdMarks None { get; } = new([]);

    private readonly Dictionary<int, HashSet<int>> _shards;

    private ThresholdMarks(Dictionary<int, HashSet<int>> shards) => _shards = shards;

    /// <summary>The attribute of one threshold, e.g. <c>t80</c>.</summary>
    public static string Attribute(int percent) => "t" + percent.ToString(CultureInfo.InvariantCulture);

    public static ThresholdMarks From(Dictionary<string, AttributeValue>? item)
    {
        var shards = new Dictionary<int, HashSet<int>>();
        foreach (var percent in BudgetThresholdCrossed.Thresholds)
        {
            if (item is not null && item.TryGetValue(Attribute(percent), out var set) && set.NS is { } numbers)
            {
                shards[percent] = [.. numbers.Select(static n => int.Parse(n, CultureInfo.InvariantCulture))];
            }
        }

        return new ThresholdMarks(shards);
    }

    /// <summary>True when adding <paramref name="shard"/> makes every one of <paramref name="shardCount"/> shards marked.</summary>
    public bool Completes(int percent, int shard, int shardCount) =>
        _shards.TryGetValue(percent, out var marked) ? !marked.Contains(shard) && marked.Count == shardCount - 1 : shardCount == 1;
}
