using Promotions.Domain.Campaigns;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;

namespace Promotions.AdminApi.Plans;

/// <summary>
/// Keeps the plan's executions (<see cref="IPlanExecutions"/>, Step Functions on AWS) in step with a campaign write:
/// the old revision's execution stops when the plan is replaced or can no longer run, and the current one starts when
/// it can run. Starting is idempotent by execution name, so calling it on every such write is safe.
/// </summary>
internal sealed class PlanExecutionSync(IPlanExecutions executions)
{
    public async Task SyncAsync(Campaign before, Campaign after, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.Plan is { } old && (after.Plan?.Revision != old.Revision || !PlanSteps.IsRunnable(after)))
        {
            await executions.StopAsync(before.Id, old.Revision, ct);
        }

        if (PlanSteps.IsRunnable(after))
        {
            await executions.StartAsync(after, ct);
        }
    }
}
