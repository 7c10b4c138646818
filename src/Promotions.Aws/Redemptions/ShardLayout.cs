using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// The fixed shard count of each promotion counter and campaign budget. Shares are a pure function of the limit,
/// the count and the shard (<see cref="Share"/>) and sum to the limit exactly, so the count must be the same for
/// every writer, forever: it is written once, before the first counter write, by a put that only creates
/// (<c>attribute_not_exists</c>), and nothing ever updates or deletes it. A writer that loses the race to create it
/// reads the winner's count. Being immutable, a count is cached for the life of the process.
/// </summary>
internal sealed class ShardLayout(IAmazonDynamoDB dynamo, IOptions<AwsOptions> aws, IOptions<LedgerOptions> options)
{
    private const string CountAttribute = "count";

    private readonly string _table = aws.Value.Table;
    private readonly ConcurrentDictionary<string, Task<int>> _pinned = new(StringComparer.Ordinal);

    /// <summary>The part of <paramref name="limit"/> that <paramref name="shard"/> of <paramref name="shards"/> may use.</summary>
    public static long Share(long limit, int shards, int shard) => (limit / shards) + (shard < limit % shards ? 1 : 0);

    /// <summary>The shards of a promotion counter, fixed now if this is its first use.</summary>
    public Task<int> PromotionAsync(string promotionId, CancellationToken ct) =>
        PinAsync(LedgerItems.PromotionShards(promotionId), Configured(promotionId, options.Value.PromotionShards), ct);

    /// <summary>The shards of a campaign budget, fixed now if this is its first charge.</summary>
    public Task<int> BudgetAsync(string campaignId, CancellationToken ct) =>
        PinAsync(LedgerItems.BudgetShards(campaignId), Configured(campaignId, options.Value.BudgetShards), ct);

    /// <summary>The shards of a campaign budget, or null when it was never charged (nothing is fixed by asking).</summary>
    public Task<int?> BudgetIfChargedAsync(string campaignId, CancellationToken ct) => PeekAsync(LedgerItems.BudgetShards(campaignId), ct);

    /// <summary>The shards a usage read of a promotion counter assumes (<see cref="ShardGuess"/>); reads nothing.</summary>
    public ShardGuess GuessPromotion(string promotionId) => Guess(LedgerItems.PromotionShards(promotionId), Configured(promotionId, options.Value.PromotionShards));

    /// <summary>The shards a usage read of a campaign budget assumes (<see cref="ShardGuess"/>); reads nothing.</summary>
    public ShardGuess GuessBudget(string campaignId) => Guess(LedgerItems.BudgetShards(campaignId), Configured(campaignId, options.Value.BudgetShards));

    /// <summary>The count of a count item read elsewhere (null when it does not exist yet), cached once it does.</summary>
    public int? Learn(Dictionary<string, AttributeValue> countKey, Dictionary<string, AttributeValue>? item)
    {
        if (CountOf(item) is not { } count)
        {
            return null;
        }

        _pinned.TryAdd(CacheKey(countKey), Task.FromResult(count));
        return count;
    }

    private ShardGuess Guess(Dictionary<string, AttributeValue> key, int configured) =>
        _pinned.TryGetValue(CacheKey(key), out var pinned) && pinned.IsCompletedSuccessfully
            ? new ShardGuess(key, pinned.Result, Known: true)
            : new ShardGuess(key, configured, Known: false);

    private int Configured(string id, int fallback) => options.Value.Shards.TryGetValue(id, out var count) ? count : fallback;

    private async Task<int> PinAsync(Dictionary<string, AttributeValue> key, int configured, CancellationToken ct)
    {
        var cacheKey = CacheKey(key);

        // The load runs without the caller's token: other callers share it, and it is two small requests at most.
        var pinned = _pinned.GetOrAdd(cacheKey, _ => LoadOrCreateAsync(key, configured));
        try
        {
            return await pinned.WaitAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _pinned.TryRemove(new KeyValuePair<string, Task<int>>(cacheKey, pinned));
            throw;
        }
    }

    private async Task<int?> PeekAsync(Dictionary<string, AttributeValue> key, CancellationToken ct)
    {
        if (_pinned.TryGetValue(CacheKey(key), out var pinned) && pinned.IsCompletedSuccessfully)
        {
            return pinned.Result;
        }

        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = key, ConsistentRead = true }, ct);
        return Learn(key, response.Item);
    }

    private async Task<int> LoadOrCreateAsync(Dictionary<string, AttributeValue> key, int configured)
    {
        if (await ReadAsync(key, CancellationToken.None) is { } existing)
        {
            return existing;
        }

        var item = new Dictionary<string, AttributeValue>(key) { [CountAttribute] = Attr.N(configured) };
        try
        {
            await dynamo.PutItemAsync(new PutItemRequest { TableName = _table, Item = item, ConditionExpression = "attribute_not_exists(pk)" });
            return configured;
        }
        catch (ConditionalCheckFailedException)
        {
            return await ReadAsync(key, CancellationToken.None)
                ?? throw new InvalidOperationException($"The shard count {CacheKey(key)} was created and is gone again; it must never be deleted.");
        }
    }

    private async Task<int?> ReadAsync(Dictionary<string, AttributeValue> key, CancellationToken ct)
    {
        var response = await dynamo.GetItemAsync(new GetItemRequest { TableName = _table, Key = key, ConsistentRead = true }, ct);
        return CountOf(response.Item);
    }

    private static int? CountOf(Dictionary<string, AttributeValue>? item) =>
        item is { Count: > 0 } && item.GetN(CountAttribute) is { } count ? (int)count : null;

    private static string CacheKey(Dictionary<string, AttributeValue> key) => key[TableLayout.Pk].S + "|" + key[TableLayout.Sk].S;
}
