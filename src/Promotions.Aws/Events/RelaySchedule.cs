using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Events;

/// <summary>
/// The Redemption function's one-minute schedule, the work an in-process timer does in the embedded mode: the
/// outbox sweep, then hold expiry in batches (<see cref="RelayOptions.HoldBatches"/> of
/// <see cref="RelayOptions.HoldBatchSize"/> at most; a confirm after the expiry still expires a hold on the
/// spot, so a backlog delays only the release of capacity). Each part runs even when the other failed.
/// </summary>
internal sealed partial class RelaySchedule(
    OutboxSweep sweep, IRedemptionLedger ledger, IOptions<RelayOptions> options, ILogger<RelaySchedule> logger)
{
    public async Task<ScheduleReport> RunAsync(CancellationToken ct)
    {
        SweepResult? swept = null;
        try
        {
            swept = await sweep.RunAsync(ct);
        }
        catch (Exception e) when (AwsFailures.IsCallFailure(e, ct))
        {
            LogFailed(logger, e, "outbox sweep");
        }

        int? expired = null;
        try
        {
            expired = await ExpireHoldsAsync(ct);
        }
        catch (Exception e) when (AwsFailures.IsCallFailure(e, ct))
        {
            LogFailed(logger, e, "hold expiry");
        }

        return new ScheduleReport(swept?.Published ?? 0, swept?.Failed ?? 0, expired ?? 0, SweepRan: swept is not null, ExpiryRan: expired is not null);
    }

    private async Task<int> ExpireHoldsAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var expired = 0;
        for (var batch = 0; batch < settings.HoldBatches; batch++)
        {
            var count = await ledger.ExpireDueAsync(settings.HoldBatchSize, ct);
            expired += count;
            if (count < settings.HoldBatchSize)
            {
                return expired;
            }
        }

        LogBacklog(logger, expired);
        return expired;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The schedule's {Part} failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception, string part);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Expired {Count} hold(s), the most one run expires; the rest wait for the next run")]
    private static partial void LogBacklog(ILogger logger, int count);
}
