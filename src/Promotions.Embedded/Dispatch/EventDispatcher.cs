using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Promotions.Embedded.Dispatch;

/// <summary>
/// The in-process relay from the outbox to the consumers, for the embedded mode (on AWS a queue takes its
/// place). It runs passes back to back while there is work and sleeps <see cref="DispatchOptions.PollInterval"/>
/// when there is none; a pass that fails (the database busy or gone) is logged and retried after the interval.
/// </summary>
internal sealed partial class EventDispatcher(
    DispatchPass pass, IOptions<DispatchOptions> options, TimeProvider clock, ILogger<EventDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        await Task.Delay(settings.InitialDelay, clock, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            DispatchResult? result = null;
            try
            {
                result = await pass.RunAsync(settings.BatchSize, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The relay must outlive a failed pass: nothing was marked, so the next pass picks the same events up.
                LogPassFailed(logger, e);
            }

            if (result is null || result.Read < settings.BatchSize || result.Delivered == 0)
            {
                await Task.Delay(settings.PollInterval, clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An event dispatch pass failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
