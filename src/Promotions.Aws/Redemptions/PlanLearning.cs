namespace Promotions.Aws.Redemptions;

/// <summary>
/// What the attempts of one ledger operation learned from the cancellations of the ones before: the promotion shard
/// to count on, each budget charge's shard, spend guess and threshold marks, each budget give-back's plan, and the
/// code uses that cannot be given back. Keyed by promotion, campaign and code, so a plan made again keeps it.
/// </summary>
internal sealed class PlanLearning
{
    public Dictionary<string, int> PromotionShards { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BudgetAttempt> Charges { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, BudgetReturn> Returns { get; } = new(StringComparer.Ordinal);

    public HashSet<string> DroppedCodes { get; } = new(StringComparer.Ordinal);
}
