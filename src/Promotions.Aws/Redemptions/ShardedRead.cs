using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// One sharded counter (a promotion's uses or a campaign's spend) in a batched usage read: the keys it adds to the
/// batch, and its shard items once the batch has answered, checked against its count item when the count was
/// guessed (<see cref="ShardGuess"/>).
/// </summary>
internal sealed class ShardedRead(string id, ShardGuess guess, Func<int, Dictionary<string, AttributeValue>> shardKey)
{
    private int _countAt = -1;
    private int _firstShard;
    private int _moreFrom;
    private int _moreCount;

    public string Id { get; } = id;

    /// <summary>The items of the counter's shards (null for a shard never written), once read.</summary>
    public List<Dictionary<string, AttributeValue>?> Shards { get; private set; } = [];

    /// <summary>Adds the guessed shards to <paramref name="keys"/>, and the count item when the count is a guess.</summary>
    public void Plan(List<Dictionary<string, AttributeValue>> keys)
    {
        if (!guess.Known)
        {
            _countAt = keys.Count;
            keys.Add(guess.CountKey);
        }

        _firstShard = keys.Count;
        keys.AddRange(Enumerable.Range(0, guess.Shards).Select(shardKey));
    }

    /// <summary>Takes the shards from the batch's answer; adds to <paramref name="more"/> the shards the guess left out.</summary>
    public void Settle(Dictionary<string, AttributeValue>?[] items, ShardLayout layout, List<Dictionary<string, AttributeValue>> more)
    {
        Shards = [.. items.Skip(_firstShard).Take(guess.Shards)];

        // No count item: never counted, so no shard was written either (the count is put before the first use).
        if (_countAt < 0 || layout.Learn(guess.CountKey, items[_countAt]) is not { } count)
        {
            return;
        }

        if (count < guess.Shards)
        {
            Shards.RemoveRange(count, guess.Shards - count);
        }

        _moreFrom = more.Count;
        _moreCount = Math.Max(0, count - guess.Shards);
        more.AddRange(Enumerable.Range(guess.Shards, _moreCount).Select(shardKey));
    }

    /// <summary>Adds the shards read in the second batch, if this counter needed any.</summary>
    public void Complete(Dictionary<string, AttributeValue>?[] rest) => Shards.AddRange(rest.Skip(_moreFrom).Take(_moreCount));
}
