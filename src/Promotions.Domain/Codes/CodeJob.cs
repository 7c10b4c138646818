namespace Promotions.Domain.Codes;

/// <summary>
/// A bulk code-generation (or import) job: it runs in the background and reports progress, so a
/// million codes never hold a request open. <see cref="Done"/> counts the codes confirmed stored.
/// </summary>
public sealed record CodeJob(
    string Id,
    string PromotionId,
    CodeJobKind Kind,
    int Requested,
    int Done,
    CodeJobState State,
    string? Error,
    string Spec,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt)
{
    /// <summary>
    /// While running: when the runner that claimed the job will have stopped at the latest (a runner in a function
    /// has a time limit); null when the job is held by a long-running process until that process stops.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; init; }
}

/// <summary>What a job does.</summary>
public enum CodeJobKind
{
    Generate,
    Import,
}

/// <summary>Where a job is.</summary>
public enum CodeJobState
{
    /// <summary>Waiting for a runner: new, or handed back by one that ran out of time (then <c>Done</c> is exact).</summary>
    Queued,
    Running,
    Completed,
    Failed,
}
