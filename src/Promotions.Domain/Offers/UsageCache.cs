using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Offers;

/// <summary>
/// The ledger's counters as the offers logic sees them. Promotion caps and campaign budgets are the same for
/// every request, so they are read in one batch for the whole live catalog and kept for at most
/// <see cref="RefreshInterval"/>; a customer's counters are read fresh for each request that names a customer,
/// in one batch for every live promotion with a per-customer limit. Period limits are read the same way: the
/// counters of the current period with the shared batch, the customer's with the customer's. Nothing is read when nothing is limited.
/// A quote is advisory and the redemption's atomic step stays the authority: for up to the interval a promotion
/// may still be offered after its cap or budget was used up (the ledger then refuses it), or still be reported
/// exhausted after a release or reversal gave a use back. A customer's own counters are never cached.
/// </summary>
public sealed class UsageCache : IDisposable
{
    /// <summary>How old the promotion and budget counters may be when a request reads them.</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromSeconds(1);

    private readonly IRedemptionLedger _ledger;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Entry? _entry;

    public UsageCache(IRedemptionLedger ledger, TimeProvider clock, TimeSpan? refreshInterval = null)
    {
        _ledger = ledger;
        _clock = clock;
        RefreshInterval = refreshInterval ?? DefaultRefreshInterval;
    }

    public TimeSpan RefreshInterval { get; }

    /// <summary>
    /// The counters for <paramref name="snapshot"/>'s limited promotions and budgets, with
    /// <paramref name="customerId"/>'s own counters when a customer is named.
    /// </summary>
    public async ValueTask<UsageCounts> GetAsync(CatalogSnapshot snapshot, string? customerId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var shared = await SharedAsync(snapshot, ct);
        IReadOnlyList<PeriodCounter> periods = customerId is null ? [] : snapshot.PeriodCounters(_clock.GetUtcNow(), perCustomer: true);
        if (customerId is null || (snapshot.CustomerLimitedPromotionIds.Count == 0 && periods.Count == 0))
        {
            return shared;
        }

        var own = await _ledger.GetUsageBatchAsync(
            new UsageQuery([], [], customerId, snapshot.CustomerLimitedPromotionIds) { CustomerPeriods = periods }, ct);
        return shared.WithCustomer(own);
    }

    public void Dispose() => _refresh.Dispose();

    private async ValueTask<UsageCounts> SharedAsync(CatalogSnapshot snapshot, CancellationToken ct)
    {
        if (snapshot.CappedPromotionIds.Count == 0 && snapshot.BudgetedCampaignIds.Count == 0 && snapshot.PeriodLimitedPromotions.Count == 0)
        {
            return UsageCounts.Empty;
        }

        if (Fresh(_entry, snapshot) is { } current)
        {
            return current;
        }

        await _refresh.WaitAsync(ct);
        try
        {
            if (Fresh(_entry, snapshot) is { } refreshed)
            {
                return refreshed;
            }

            var readAt = _clock.GetUtcNow();
            // The counters of the periods readAt falls in: for up to the interval after a period's turn, the kept
            // counters are the period before's, and the new period's read as zero, as its counter starts.
            var counts = await _ledger.GetUsageBatchAsync(
                new UsageQuery(snapshot.CappedPromotionIds, snapshot.BudgetedCampaignIds) { Periods = snapshot.PeriodCounters(readAt, perCustomer: false) }, ct);
            _entry = new Entry(snapshot, readAt, counts);
            return counts;
        }
        finally
        {
            _refresh.Release();
        }
    }

    // Counters read for another snapshot may lack a promotion or budget that just went live, so they are read again.
    private UsageCounts? Fresh(Entry? entry, CatalogSnapshot snapshot) =>
        entry is not null && ReferenceEquals(entry.Snapshot, snapshot) && _clock.GetUtcNow() - entry.ReadAt < RefreshInterval
            ? entry.Counts
            : null;

    private sealed record Entry(CatalogSnapshot Snapshot, DateTimeOffset ReadAt, UsageCounts Counts);
}
