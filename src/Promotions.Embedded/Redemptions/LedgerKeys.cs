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
}
