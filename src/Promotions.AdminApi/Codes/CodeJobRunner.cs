using Microsoft.Extensions.Options;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.AdminApi.Codes;

/// <summary>
/// Runs one delivery of a generation job: claims it (so a job delivered twice runs once), draws codes with the
/// domain generator, inserts them in batches, draws again for the duplicates the store refuses, and saves
/// progress after each batch. A run with a time limit hands the job back, queued with its exact progress, when
/// the limit is up, and queues it again for the next delivery.
/// </summary>
/// <remarks>
/// A job found running past its lease was interrupted (its process stopped, or its function was stopped at
/// its timeout): it is failed, not resumed, since its last batch may have been stored after the last saved
/// progress and resuming could overshoot the count. The codes it stored stay valid, and the error says how
/// many were confirmed so an operator can start a job for the rest. A job handed back on time is resumed:
/// its progress was saved after its last batch.
/// </remarks>
internal sealed partial class CodeJobRunner(
    ICodeJobStore jobs,
    ICodeStore codes,
    ICodeJobQueue queue,
    CodeGenerator generator,
    IOptions<CodeJobOptions> options,
    TimeProvider clock,
    ILogger<CodeJobRunner> logger)
{
    private readonly CodeJobOptions _options = options.Value;

    /// <summary>Runs or resumes job <paramref name="jobId"/>; with a <paramref name="limit"/>, for at most about that long.</summary>
    public async Task<CodeJobStep> RunAsync(string jobId, TimeSpan? limit, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        switch (await jobs.GetAsync(jobId, ct))
        {
            case null:
                LogUnknown(logger, jobId);
                return CodeJobStep.Finished;
            case { State: CodeJobState.Completed or CodeJobState.Failed }:
                return CodeJobStep.Finished;
            case { State: CodeJobState.Running } running when running.LeaseUntil is { } lease && lease <= now:
                await FailInterruptedAsync(running, ct);
                return CodeJobStep.Finished;
            case { State: CodeJobState.Running }:
                return CodeJobStep.Busy;
        }

        var claimed = await jobs.ClaimAsync(jobId, limit is { } l ? now + l + _options.LeaseGrace : null, ct);
        if (claimed is null)
        {
            // Another delivery claimed it first; this one comes back once that run is over.
            return CodeJobStep.Busy;
        }

        try
        {
            return await RunClaimedAsync(claimed, limit is { } budget ? now + budget : null, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed job must say so instead of staying "running" until its lease ends.
            LogFailed(logger, e, jobId);
            var latest = await jobs.GetAsync(jobId, ct) ?? claimed;
            await jobs.SaveAsync(Finished(latest, "Generation failed unexpectedly; it has been logged."), ct);
            return CodeJobStep.Finished;
        }
    }

    /// <summary>Fails a job whose runner stopped while it ran; what it confirmed stays stored.</summary>
    public async Task FailInterruptedAsync(CodeJob job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(job);
        await jobs.SaveAsync(Finished(job, $"Interrupted after {job.Done:N0} confirmed codes; those stay valid. Start a new job for the rest."), ct);
        LogInterrupted(logger, job.Id, job.Done);
    }

    private async Task<CodeJobStep> RunClaimedAsync(CodeJob job, DateTimeOffset? deadline, CancellationToken ct)
    {
        var spec = CodeJobSpec.Deserialize(job.Spec);

        // The policy is checked again at every start: other jobs may have added codes since this one was accepted.
        // The codes this job stored already are among the existing ones, and only the rest is asked for.
        var parsed = spec.Parse();
        var start = parsed.IsSuccess
            ? generator.Start(parsed.Value, job.Requested - job.Done, await codes.CountAsync(job.PromotionId, ct))
            : Result<CodeGeneration>.Fail(parsed.Errors);
        if (!start.IsSuccess)
        {
            await FinishAsync(job, start.Errors[0].Message, ct);
            return CodeJobStep.Finished;
        }

        var generation = start.Value;
        var buffer = new string[Math.Min(_options.BatchSize, generation.Remaining)];
        var batches = 0;
        while (generation.Remaining > 0)
        {
            if (batches > 0 && deadline is { } due && clock.GetUtcNow() >= due)
            {
                return await HandBackAsync(job, ct);
            }

            var drawn = generation.Fill(buffer);
            if (drawn == 0)
            {
                break;
            }

            var batch = new PromoCode[drawn];
            for (var i = 0; i < drawn; i++)
            {
                batch[i] = new PromoCode(Ids.New("cod", clock), job.PromotionId, buffer[i], 0, spec.MaxUses, true, spec.ExpiresAt);
            }

            var inserted = await codes.InsertAsync(job.Id, batch, ct);
            generation.Replace(inserted.Duplicates.Count);
            job = job with { Done = job.Done + inserted.Inserted };
            await jobs.SaveAsync(job, ct);
            batches++;
        }

        await FinishAsync(job, generation.Error?.Message, ct);
        return CodeJobStep.Finished;
    }

    /// <summary>
    /// Queued first, then handed off: once saved, any delivery may claim it, and until the hand-off is sent the
    /// delivery that ran it is not acknowledged, so a crash in between only delays it.
    /// </summary>
    private async Task<CodeJobStep> HandBackAsync(CodeJob job, CancellationToken ct)
    {
        await jobs.SaveAsync(job with { State = CodeJobState.Queued, LeaseUntil = null }, ct);
        await queue.EnqueueAsync(job.Id, ct);
        LogHandedBack(logger, job.Id, job.Done, job.Requested);
        return CodeJobStep.HandedBack;
    }

    private async Task FinishAsync(CodeJob job, string? error, CancellationToken ct)
    {
        await jobs.SaveAsync(Finished(job, error), ct);
        LogFinished(logger, job.Id, job.Done, job.Requested);
    }

    private CodeJob Finished(CodeJob job, string? error) => job with
    {
        State = error is null ? CodeJobState.Completed : CodeJobState.Failed,
        Error = error,
        CompletedAt = clock.GetUtcNow(),
        LeaseUntil = null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Code job {JobId} finished with {Done} of {Requested} codes")]
    private static partial void LogFinished(ILogger logger, string jobId, int done, int requested);

    [LoggerMessage(Level = LogLevel.Information, Message = "Code job {JobId} handed back after {Done} of {Requested} codes, to go on in the next delivery")]
    private static partial void LogHandedBack(ILogger logger, string jobId, int done, int requested);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Code job {JobId} was interrupted after {Done} codes and is marked failed")]
    private static partial void LogInterrupted(ILogger logger, string jobId, int done);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Code job {JobId} was delivered but does not exist")]
    private static partial void LogUnknown(ILogger logger, string jobId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Code job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string jobId);
}
