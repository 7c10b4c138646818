using Microsoft.Data.Sqlite;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;

namespace Promotions.Embedded.Analytics;

/// <summary>
/// What the events of one transaction write, merged and written at its end, one statement per table: the cell
/// sums (the redemptions of one promotion on one day add to the same cells, so each cell is written once; sums are
/// additive, so merging first changes nothing in the totals), the customer marks, the facts later events join and
/// the campaign links. Events of the same transaction read what earlier ones remembered from <see cref="BatchJoins"/>.
/// </summary>
internal sealed class PendingCells
{
    private readonly Dictionary<BucketKey, Measures> _sums = [];
    private readonly HashSet<CustomerMark> _customers = [];
    private readonly List<(string Key, DomainEvent Fact)> _facts = [];
    private readonly HashSet<PromotionLink> _links = [];

    public void Add(string? key, AnalyticsChange change)
    {
        foreach (var contribution in change.Contributions)
        {
            _sums[contribution.Key] = _sums.TryGetValue(contribution.Key, out var sum) ? sum + contribution.Delta : contribution.Delta;
        }

        _customers.UnionWith(change.Customers);
        if (change.Remember is { } remembered && key is not null)
        {
            _facts.Add((key, remembered));
        }

        if (change.Link is { } link)
        {
            _links.Add(link);
        }
    }

    public async Task WriteAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        if (_facts.Count > 0)
        {
            await AnalyticsWrites.AddFactsAsync(connection, transaction, _facts, ct);
        }

        if (_links.Count > 0)
        {
            await AnalyticsWrites.AddLinksAsync(connection, transaction, _links, ct);
        }

        if (_sums.Count > 0)
        {
            await AnalyticsWrites.AddToCellsAsync(connection, transaction, _sums, ct);
        }

        if (_customers.Count > 0)
        {
            await AnalyticsWrites.MarkCustomersAsync(connection, transaction, _customers, ct);
        }
    }
}
