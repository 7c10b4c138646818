namespace Promotions.Embedded.Redemptions;

/// <summary>
/// Keys of the counter rows: the same strings are the partition keys of the counter items on DynamoDB
/// (docs/redemption.md), so both stores count the same things.
/// </summary>
internal static class LedgerKeys
{
    public static string Promotion(string promotionId) => $"promotion#{promotionId}";

    public static string Customer(string promotionId, string customerId) => $"customer#{promotionId}#{customerId}";

    public static string Budget(string campaignId) => $"budget#{campaignId}";

    /// <summary>A promotion's redemptions in one period (a <c>PeriodKeys</c> key such as <c>day:2026-06-01</c>).</summary>
    public static string Period(string promotionId, string period) => $"period#{promotionId}#{period}";

    /// <summary>One customer's redemptions of a promotion in one period.</summary>
    public static string CustomerPeriod(string promotionId, string period, string customerId) => $"customerperiod#{promotionId}#{period}#{customerId}";
}
