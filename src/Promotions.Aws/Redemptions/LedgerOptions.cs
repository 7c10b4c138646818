namespace Promotions.Aws.Redemptions;

/// <summary>
/// How the DynamoDB ledger spreads hot counters (section <c>Aws:Ledger</c>). A promotion's cap and a campaign's budget
/// are split into shards the first time they are counted; the count is then written down and never changes for
/// that promotion or campaign, whatever this configuration says later (docs/redemption.md, "Hot promotions").
/// </summary>
public sealed class LedgerOptions
{
    public const string SectionName = "Aws:Ledger";

    /// <summary>The most shards a counter may have (a usage read takes one batch of all shards).</summary>
    public const int MaxShards = 50;

    /// <summary>Shards of a promotion counter that is counted for the first time and has no entry in <see cref="Shards"/>.</summary>
    public int PromotionShards { get; set; } = 1;

    /// <summary>Shards of a campaign budget that is charged for the first time and has no entry in <see cref="Shards"/>.</summary>
    public int BudgetShards { get; set; } = 1;

    /// <summary>Shards for named promotions or campaigns (by id), for those expected to take more than ~500 redemptions a second.</summary>
    public Dictionary<string, int> Shards { get; } = new(StringComparer.Ordinal);

    internal bool IsValid() =>
        PromotionShards is >= 1 and <= MaxShards && BudgetShards is >= 1 and <= MaxShards
        && Shards.Values.All(static n => n is >= 1 and <= MaxShards);
}
