using Microsoft.Data.Sqlite;
using Promotions.Domain.Analytics;

namespace Promotions.Embedded.Analytics;

/// <summary>
/// The cell sums and customer marks of the events of one transaction, merged before they are written: the
/// redemptions of one promotion on one day add to the same cells, so a batch of them writes each cell once
/// and each customer mark once instead of once per event. Sums are additive, so merging first changes nothing
/// in the totals.
/// </summary>
internal sealed class PendingCells
{
    private readonly Dictionary<BucketKey, Measures> _sums = [];
    private readonly HashSet<CustomerMark> _customers = [];

    public void Add(AnalyticsChange change)
    {
        foreach (var contribution in change.Contributions)
        {
            _sums[contribution.Key] = _sums.TryGetValue(contribution.Key, out var sum) ? sum + contribution.Delta : contribution.Delta;
        }

        _customers.UnionWith(change.Customers);
    }

    public async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        foreach (var (cell, delta) in _sums)
        {
            await AnalyticsWrites.AddToCellAsync(connection, transaction, cell, delta, ct);
        }

        foreach (var mark in _customers)
        {
            await AnalyticsWrites.MarkCustomerAsync(connection, transaction, mark, ct);
        }
    }
}
