using Promotions.Domain.Codes;

namespace Promotions.Domain.Ports;

/// <summary>Code-generation and import jobs.</summary>
public interface ICodeJobStore
{
    Task CreateAsync(CodeJob job, CancellationToken ct);

    Task<CodeJob?> GetAsync(string id, CancellationToken ct);

    /// <summary>Saves progress or the final state; a job has one writer (the runner that claimed it).</summary>
    Task SaveAsync(CodeJob job, CancellationToken ct);

    /// <summary>
    /// Moves a queued job to running, atomically, and returns it as stored (with <paramref name="leaseUntil"/>);
    /// null when the job is missing or not queued (another runner claimed it, or it is finished). This is what
    /// makes a hand-off delivered twice run the job once.
    /// </summary>
    Task<CodeJob?> ClaimAsync(string id, DateTimeOffset? leaseUntil, CancellationToken ct);

    /// <summary>Jobs left queued or running by a process that stopped, to resume or fail them at start.</summary>
    Task<IReadOnlyList<CodeJob>> ListUnfinishedAsync(CancellationToken ct);
}
