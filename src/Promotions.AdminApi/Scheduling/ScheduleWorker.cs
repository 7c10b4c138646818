using Microsoft.Extensions.Options;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;
using Promotions.Domain.Scheduling;

namespace Promotions.AdminApi.Scheduling;

/// <summary>
/// Applies the due lifecycle steps (<see cref="ScheduleRunner"/>) at start and then on a timer of the injected
/// <see cref="TimeProvider"/>, then the due steps of campaign plans (<see cref="PlanRunner"/>), then budget pacing
/// (<see cref="PacingRunner"/>): a step that fell due while the process was down is applied once when it comes back.
/// </summary>
internal sealed partial class ScheduleWorker(
    ScheduleRunner runner, PlanRunner plans, PacingRunner pacing, TimeProvider clock, IOptions<ScheduleOptions> options, ILogger<ScheduleWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                foreach (var step in await runner.RunAsync(stoppingToken))
                {
                    LogApplied(logger, step.Kind, step.Id, step.Status, step.Version);
                }

                // After the schedule's moves, so a stage sees a campaign its startsAt made active.
                foreach (var step in await plans.RunDueAsync(stoppingToken))
                {
                    LogStep(logger, step.CampaignId, step.Index, step.Revision, step.Outcome);
                }

                // Budget pacing rides the same tick, after the schedule's and the plans' moves.
                foreach (var step in await pacing.RunAsync(stoppingToken))
                {
                    LogPaced(logger, step.Id, step.Status, step.Version);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass (a locked or full disk) must not stop the schedule; the next tick finds the same steps due.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule: {Kind} {Id} is now {Status} (version {Version})")]
    private static partial void LogApplied(ILogger logger, ScheduledItem kind, string id, LifecycleStatus status, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan: campaign {CampaignId} stage {Index} of revision {Revision} {Outcome}")]
    private static partial void LogStep(ILogger logger, string campaignId, int index, long revision, StepOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pacing: promotion {Id} is now {Status} (version {Version})")]
    private static partial void LogPaced(ILogger logger, string id, LifecycleStatus status, long version);

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule pass failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
