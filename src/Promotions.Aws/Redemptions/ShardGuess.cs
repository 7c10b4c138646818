using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// The shard count a usage read assumes for a counter: the fixed count when this process has seen it
/// (<paramref name="Known"/>), else the count a first use would fix now, to be checked against the count item
/// (<paramref name="CountKey"/>) read in the same batch.
/// </summary>
internal sealed record ShardGuess(Dictionary<string, AttributeValue> CountKey, int Shards, bool Known);
