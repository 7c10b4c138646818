using Promotions.Domain.Codes;
using Promotions.Domain.Ports;

namespace Promotions.AdminApi.Codes;

/// <summary>
/// Runs jobs one at a time in the background when the service runs as a process (the hand-off is the
/// <see cref="InProcessCodeJobQueue"/>); with another hand-off (a message queue) it does nothing, since the
/// queue's deliveries run the jobs (<see cref="CodeJobDeliveryEndpoint"/>).
/// </summary>
/// <remarks>
/// At start, queued jobs are run (nothing of theirs is running; a job handed back resumes from its exact
/// progress). Jobs left running by a stopped process, or past their lease, are failed by the runner's rule.
/// </remarks>
internal sealed class CodeJobWorker(ICodeJobQueue queue, ICodeJobStore jobs, CodeJobRunner runner, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (queue is not InProcessCodeJobQueue local)
        {
            return;
        }

        await RecoverAsync(local, stoppingToken);
        await foreach (var id in local.Reader.ReadAllAsync(stoppingToken))
        {
            // Busy: a delivery elsewhere in this process holds the job, and hands it back here if it runs out of time.
            await runner.RunAsync(id, limit: null, stoppingToken);
        }
    }

    private async Task RecoverAsync(InProcessCodeJobQueue local, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        foreach (var job in await jobs.ListUnfinishedAsync(ct))
        {
            if (job.State == CodeJobState.Queued)
            {
                await local.EnqueueAsync(job.Id, ct);
            }
            else if (job.LeaseUntil is not { } lease || lease <= now)
            {
                await runner.FailInterruptedAsync(job, ct);
            }
        }
    }
}
