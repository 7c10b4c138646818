namespace Promotions.Redemption.Reservations;

/// <summary>How often expired holds and old idempotency keys are cleaned up (section <c>Redemption:Sweeper</c>).</summary>
public sealed class SweeperOptions
{
    public const string Section = "Redemption:Sweeper";

    /// <summary>Between passes; an expired hold is also expired on the spot when someone tries to confirm it.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Rows per transaction, so one pass never holds the write lock for long.</summary>
    public int BatchSize { get; set; } = 200;
}
