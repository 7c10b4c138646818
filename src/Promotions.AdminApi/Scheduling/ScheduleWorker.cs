using Microsoft.Extensions.Options;
using Promotions.ServiceDefaults.Adapters;

namespace Promotions.AdminApi.Scheduling;

/// <summary>
/// Runs the schedule's pass (<see cref="SchedulePass"/>, with the plans' steps) at start and then on a timer of the
/// injected <see cref="TimeProvider"/>: a step that fell due while the process was down is applied once when it comes
/// back. Not on AWS (<c>Adapters:Mode=aws</c>): a Lambda function is frozen between invocations, so there the pass runs
/// on the ticks an EventBridge rule sends to the Admin function's queue (<see cref="ScheduleTickDelivery"/>).
/// </summary>
internal sealed partial class ScheduleWorker(
    SchedulePass pass, TimeProvider clock, IOptions<ScheduleOptions> options, IConfiguration configuration, ILogger<ScheduleWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (AdapterSelection.ModeOf(configuration) == AdapterMode.Aws)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await pass.RunAsync(withPlans: true, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass (a locked or full disk) must not stop the schedule; the next tick finds the same steps due.
                LogFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Schedule pass failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
