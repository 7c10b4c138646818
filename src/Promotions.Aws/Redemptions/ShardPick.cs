namespace Promotions.Aws.Redemptions;

/// <summary>Random choice of a shard, so concurrent redemptions spread over a counter's shards.</summary>
internal static class ShardPick
{
#pragma warning disable CA5394 // Spreading load needs no unpredictability.
    public static int Any(int shards) => shards <= 1 ? 0 : Random.Shared.Next(shards);

    /// <summary>One of <paramref name="candidates"/>, or null when there is none.</summary>
    public static int? OneOf(IReadOnlyList<int> candidates) => candidates.Count == 0 ? null : candidates[Random.Shared.Next(candidates.Count)];
#pragma warning restore CA5394
}
