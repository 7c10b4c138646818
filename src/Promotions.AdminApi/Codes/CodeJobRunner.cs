using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.AdminApi.Codes;

/// <summary>
/// Runs generation jobs one at a time in the background: draws codes with the domain generator, inserts
/// them in batches, draws again for the duplicates the store refuses, and saves progress after each batch.
/// </summary>
/// <remarks>
/// At start, jobs still <c>queued</c> are run (nothing of theirs was stored yet). Jobs left <c>running</c>
/// by a stopped process are failed, not resumed: their last batch may have been stored after the last
/// saved progress, so resuming could overshoot the count; the codes they stored stay valid, and the error
/// says how many were confirmed so an operator can start a job for the rest.
/// </remarks>
internal sealed partial class CodeJobRunner(
    CodeJobQueue queue,
    ICodeJobStore jobs,
    ICodeStore codes,
    CodeGenerator generator,
    TimeProvider clock,
    ILogger<CodeJobRunner> logger) : BackgroundService
{
    /// <summary>Codes per insert: large enough to amortize a transaction, small enough to report progress often.</summary>
    public const int BatchSize = 20_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await RecoverAsync(stoppingToken);
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            if (await jobs.GetAsync(id, stoppingToken) is { State: CodeJobState.Queued } job)
            {
                await RunSafelyAsync(job, stoppingToken);
            }
        }
    }

    private async Task RecoverAsync(CancellationToken ct)
    {
        foreach (var job in await jobs.ListUnfinishedAsync(ct))
        {
            if (job.State == CodeJobState.Queued)
            {
                queue.Enqueue(job.Id);
                continue;
            }

            await jobs.SaveAsync(job with
            {
                State = CodeJobState.Failed,
                Error = $"Interrupted by a restart after {job.Done:N0} confirmed codes; those stay valid. Start a new job for the rest.",
                CompletedAt = clock.GetUtcNow(),
            }, ct);
            LogInterrupted(logger, job.Id, job.Done);
        }
    }

    private async Task RunSafelyAsync(CodeJob job, CancellationToken ct)
    {
        try
        {
            await RunAsync(job, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A failed job must say so instead of staying "running" forever; the runner goes on with the next.
            LogFailed(logger, e, job.Id);
            var latest = await jobs.GetAsync(job.Id, ct) ?? job;
            await jobs.SaveAsync(latest with { State = CodeJobState.Failed, Error = "Generation failed unexpectedly; it has been logged.", CompletedAt = clock.GetUtcNow() }, ct);
        }
    }

    private async Task RunAsync(CodeJob job, CancellationToken ct)
    {
        var spec = CodeJobSpec.Deserialize(job.Spec);
        job = job with { State = CodeJobState.Running };
        await jobs.SaveAsync(job, ct);

        // The policy is checked again now: other jobs may have added codes since this one was accepted.
        var parsed = spec.Parse();
        var start = parsed.IsSuccess
            ? generator.Start(parsed.Value, job.Requested, await codes.CountAsync(job.PromotionId, ct))
            : Result<CodeGeneration>.Fail(parsed.Errors);
        if (!start.IsSuccess)
        {
            await FinishAsync(job, start.Errors[0].Message, ct);
            return;
        }

        var generation = start.Value;
        var buffer = new string[BatchSize];
        while (generation.Remaining > 0)
        {
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

            var inserted = await codes.InsertAsync(batch, ct);
            generation.Replace(inserted.Duplicates.Count);
            job = job with { Done = job.Done + inserted.Inserted };
            await jobs.SaveAsync(job, ct);
        }

        await FinishAsync(job, generation.Error?.Message, ct);
    }

    private async Task FinishAsync(CodeJob job, string? error, CancellationToken ct)
    {
        await jobs.SaveAsync(job with
        {
            State = error is null ? CodeJobState.Completed : CodeJobState.Failed,
            Error = error,
            CompletedAt = clock.GetUtcNow(),
        }, ct);
        LogFinished(logger, job.Id, job.Done, job.Requested);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Code job {JobId} finished with {Done} of {Requested} codes")]
    private static partial void LogFinished(ILogger logger, string jobId, int done, int requested);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Code job {JobId} was interrupted after {Done} codes and is marked failed")]
    private static partial void LogInterrupted(ILogger logger, string jobId, int done);

    [LoggerMessage(Level = LogLevel.Error, Message = "Code job {JobId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string jobId);
}
