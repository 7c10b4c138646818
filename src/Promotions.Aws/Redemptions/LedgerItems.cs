using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Promotions.Aws.Dynamo;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Redemptions;

/// <summary>
/// Keys of the ledger's items in the main table (docs/dynamodb.md, docs/redemption.md). Every counter is its own
/// item, so every limit is one conditional update; a sharded counter puts the shard in the partition key, so its
/// shards land on different partitions from the first write on.
/// </summary>
internal static class LedgerItems
{
    /// <summary>How many <c>HOLDS#</c> index partitions live holds are spread over (by the last character of the id).</summary>
    public const int HoldShards = OutboxItems.Shards;

    public const string HoldsPrefix = "HOLDS#";

    /// <summary>The code item the catalog writes; the ledger changes only its <c>uses</c>.</summary>
    public static Dictionary<string, AttributeValue> Code(string normalized) => Attr.Key("CODE#" + normalized, "#META");

    public static Dictionary<string, AttributeValue> PromotionCounter(string promotionId, int shard) =>
        Attr.Key($"PROMOTION#{promotionId}#COUNTER#{Digits(shard)}", "#COUNTER");

    public static Dictionary<string, AttributeValue> CustomerCounter(string promotionId, string customerId) =>
        Attr.Key($"PROMOTION#{promotionId}#CUSTOMER#{customerId}", "#COUNTER");

    /// <summary>A promotion's redemptions in one period (a <c>PeriodKeys</c> key such as <c>day:2026-06-01</c>).</summary>
    public static Dictionary<string, AttributeValue> PeriodCounter(string promotionId, string period) =>
        Attr.Key($"PROMOTION#{promotionId}#PERIOD#{period}", "#COUNTER");

    /// <summary>One customer's redemptions of a promotion in one period.</summary>
    public static Dictionary<string, AttributeValue> CustomerPeriodCounter(string promotionId, string period, string customerId) =>
        Attr.Key($"PROMOTION#{promotionId}#PERIOD#{period}#CUSTOMER#{customerId}", "#COUNTER");

    /// <summary>
    /// The counter item of a count change that is not sharded: a customer's, or a period's (a promotion's own counter
    /// is sharded: <see cref="PromotionCounter"/>).
    /// </summary>
    public static Dictionary<string, AttributeValue> UnshardedCounter(CountChange count) => count.Kind switch
    {
        CounterKind.Customer => CustomerCounter(count.PromotionId, count.CustomerId!),
        CounterKind.PromotionPeriod => PeriodCounter(count.PromotionId, count.Period!),
        CounterKind.CustomerPeriod => CustomerPeriodCounter(count.PromotionId, count.Period!, count.CustomerId!),
        _ => throw new ArgumentOutOfRangeException(nameof(count), count.Kind, "A promotion's counter is sharded."),
    };

    public static Dictionary<string, AttributeValue> BudgetCounter(string campaignId, int shard) =>
        Attr.Key($"CAMPAIGN#{campaignId}#BUDGET#{Digits(shard)}", "#BUDGET");

    /// <summary>The fixed shard count of a promotion's counter (written once, never changed).</summary>
    public static Dictionary<string, AttributeValue> PromotionShards(string promotionId) => Attr.Key("PROMOTION#" + promotionId, "#COUNTERSHARDS");

    /// <summary>The fixed shard count of a campaign's budget counter (written once, never changed).</summary>
    public static Dictionary<string, AttributeValue> BudgetShards(string campaignId) => Attr.Key("CAMPAIGN#" + campaignId, "#BUDGETSHARDS");

    /// <summary>Which budget shards are at or past their part of each threshold, for one budget amount (sharded budgets only).</summary>
    public static Dictionary<string, AttributeValue> Thresholds(string campaignId, long budgetMinor) =>
        Attr.Key("CAMPAIGN#" + campaignId, "#THRESHOLDS#" + budgetMinor.ToString(CultureInfo.InvariantCulture));

    public static Dictionary<string, AttributeValue> Redemption(string id) => Attr.Key("REDEMPTION#" + id, "#META");

    public static Dictionary<string, AttributeValue> Reversal(string redemptionId, string reversalId) =>
        Attr.Key("REDEMPTION#" + redemptionId, "REVERSAL#" + reversalId);

    /// <summary>The lookup item of a redemption under a normalized code one of its parts used.</summary>
    public static Dictionary<string, AttributeValue> ByCode(string code, DateTimeOffset redeemedAt, string id) =>
        Attr.Key(CodePartition(code), ByTime(redeemedAt, id));

    /// <summary>A sort key of a redemption by when it was redeemed (UTC ticks, 19 digits), then its id.</summary>
    public static string ByTime(DateTimeOffset redeemedAt, string id) => Ticks(redeemedAt.UtcTicks) + "#" + id;

    /// <summary>The <c>gsi2</c> partition of an order id's redemption records.</summary>
    public static string OrderPartition(string orderId) => "ORDER#" + orderId;

    public static string CodePartition(string code) => "REDEMPTIONCODE#" + code;

    public static string HoldsPartition(int shard) => HoldsPrefix + Digits(shard);

    /// <summary>The index sort key of a hold: its expiry (UTC ticks, 19 digits, so text order is time order), then its id.</summary>
    public static string HoldSort(DateTimeOffset expiresAt, string id) => Ticks(expiresAt.UtcTicks) + "#" + id;

    /// <summary>A sort key bound above every hold that expires at or before <paramref name="now"/>.</summary>
    public static string HoldsDueBefore(DateTimeOffset now) => Ticks(now.UtcTicks + 1);

    public static string IdOfHoldSort(string sort) => sort[(sort.IndexOf('#', StringComparison.Ordinal) + 1)..];

    private static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);

    private static string Digits(int shard) => shard.ToString("D2", CultureInfo.InvariantCulture);
}
