namespace Promotions.AdminApi.Codes;

/// <summary>How code jobs run (section <c>CodeJobs</c>).</summary>
public sealed class CodeJobOptions
{
    public const string SectionName = "CodeJobs";

    /// <summary>Codes per insert: large enough to amortize a transaction, small enough to report progress often.</summary>
    public int BatchSize { get; set; } = 20_000;

    /// <summary>
    /// How long one delivery of a job from a message queue may generate before it hands the job back (queued, its
    /// progress exact) for the next delivery: under a function's time limit, with room for the batch in flight.
    /// Every delivery stores at least one batch. The in-process runner has no limit.
    /// </summary>
    public TimeSpan RunTimeLimit { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Added to <see cref="RunTimeLimit"/> for the lease of a delivered run: by then its runner has stopped for
    /// certain (a function is stopped at its timeout), so a job still running past it was interrupted.
    /// </summary>
    public TimeSpan LeaseGrace { get; set; } = TimeSpan.FromMinutes(5);
}
