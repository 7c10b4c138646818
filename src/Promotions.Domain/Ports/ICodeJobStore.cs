using Promotions.Domain.Codes;

namespace Promotions.Domain.Ports;

/// <summary>Code-generation and import jobs.</summary>
public interface ICodeJobStore
{
    Task CreateAsync(CodeJob job, CancellationToken ct);

    Task<CodeJob?> GetAsync(string id, CancellationToken ct);

    /// <summary>Saves progress or the final state; a job has one writer (its runner).</summary>
    Task SaveAsync(CodeJob job, CancellationToken ct);

    /// <summary>Jobs left queued or running by a process that stopped, to resume or fail them at start.</summary>
    Task<IReadOnlyList<CodeJob>> ListUnfinishedAsync(CancellationToken ct);
}
