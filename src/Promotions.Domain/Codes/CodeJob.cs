namespace Promotions.Domain.Codes;

/// <summary>
/// A bulk code-generation (or import) job: it runs in the background and reports progress, so a
/// million codes never hold a request open.
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
    DateTimeOffset? CompletedAt);

/// <summary>What a job does.</summary>
public enum CodeJobKind
{
    Generate,
    Import,
}

/// <summary>Where a job is.</summary>
public enum CodeJobState
{
    Queued,
    Running,
    Completed,
    Failed,
}
