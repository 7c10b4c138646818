namespace Promotions.Aws.Redemptions;

/// <summary>A budget charge's plan: the shard it goes to, the guess of that shard's spend, and the marks and spend read for its events.</summary>
internal sealed class BudgetAttempt(int shard)
{
    public int Shard { get; set; } = shard;

    public long Guess { get; set; }

    public ThresholdMarks Marks { get; set; } = ThresholdMarks.None;

    public long OthersSpent { get; set; }
}
