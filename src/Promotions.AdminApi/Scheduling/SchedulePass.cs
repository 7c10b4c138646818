using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;
using Promotions.Domain.Scheduling;

namespace Promotions.AdminApi.Scheduling;

/// <summary>
/// One pass of the schedule, the same wherever its tick comes from (the in-process <see cref="ScheduleWorker"/>, or the
/// EventBridge rule's message on AWS, <see cref="ScheduleTickDelivery"/>): the due lifecycle steps
/// (<see cref="ScheduleRunner"/>), then, where plans run in process, their due steps (<see cref="PlanRunner"/>), then
/// budget pacing (<see cref="PacingRunner"/>). Every write is versioned under what was read, so two passes at once, or a
/// late one, apply each step once.
/// </summary>
internal sealed partial class SchedulePass(ScheduleRunner runner, PlanRunner plans, PacingRunner pacing, ILogger<SchedulePass> logger)
{
    /// <summary>Runs the pass; <paramref name="withPlans"/> where no other delivery (Step Functions) runs the plans' steps.</summary>
    public async Task RunAsync(bool withPlans, CancellationToken ct)
    {
        foreach (var step in await runner.RunAsync(ct))
        {
            LogApplied(logger, step.Kind, step.Id, step.Status, step.Version);
        }

        // After the schedule's moves, so a stage sees a campaign its startsAt made active.
        foreach (var step in withPlans ? await plans.RunDueAsync(ct) : [])
        {
            LogStep(logger, step.CampaignId, step.Index, step.Revision, step.Outcome);
        }

        // Budget pacing rides the same tick, after the schedule's and the plans' moves.
        foreach (var step in await pacing.RunAsync(ct))
        {
            LogPaced(logger, step.Id, step.Status, step.Version);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schedule: {Kind} {Id} is now {Status} (version {Version})")]
    private static partial void LogApplied(ILogger logger, ScheduledItem kind, string id, LifecycleStatus status, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Plan: campaign {CampaignId} stage {Index} of revision {Revision} {Outcome}")]
    private static partial void LogStep(ILogger logger, string campaignId, int index, long revision, StepOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pacing: promotion {Id} is now {Status} (version {Version})")]
    private static partial void LogPaced(ILogger logger, string id, LifecycleStatus status, long version);
}
