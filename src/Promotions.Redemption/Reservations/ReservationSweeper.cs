using Microsoft.Extensions.Options;
using Promotions.Domain.Ports;

namespace Promotions.Redemption.Reservations;

/// <summary>
/// Frees the capacity of holds whose time is up and drops idempotency keys past their retention, on a timer of
/// the injected <see cref="TimeProvider"/>. Each batch is its own ledger transaction, conditional on the hold
/// still being reserved, so it never races a confirm into two outcomes.
/// </summary>
internal sealed partial class ReservationSweeper(
    IRedemptionLedger ledger, IIdempotencyStore idempotency, TimeProvider clock, IOptions<SweeperOptions> options, ILogger<ReservationSweeper> logger)
    : BackgroundService
{
    /// <summary>One pass: expires every due hold and purges old keys, in batches; returns the holds expired.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var batch = options.Value.BatchSize;
        var expired = 0;
        int count;
        do
        {
            count = await ledger.ExpireDueAsync(batch, ct);
            expired += count;
        }
        while (count == batch);

        while (await idempotency.PurgeExpiredAsync(batch, ct) == batch)
        {
        }

        return expired;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var expired = await SweepAsync(stoppingToken);
                if (expired > 0)
                {
                    LogExpired(logger, expired);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass (a locked or full disk) must not stop the sweeper; the next tick retries.
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expired {Count} reservation hold(s)")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reservation sweep failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
