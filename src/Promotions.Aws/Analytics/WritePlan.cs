using Promotions.Domain.Analytics;

namespace Promotions.Aws.Analytics;

/// <summary>
/// Splits what an event adds into units of at most <see cref="MaxTransactionItems"/> items and packs them into
/// transactions. Pairs come first and the event's own sums last, so the event's claim commits only after
/// everything it adds; a unit never shares a transaction with another unit that touches the same item
/// (DynamoDB refuses two operations on one item in a transaction).
/// </summary>
internal static class WritePlan
{
    /// <summary>DynamoDB's limit of items per <c>TransactWriteItems</c>.</summary>
    public const int MaxTransactionItems = 100;

    public static IReadOnlyList<IReadOnlyList<WriteUnit>> Build(string eventId, IReadOnlyList<Contribution> own, IReadOnlyList<JoinedPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var units = new List<WriteUnit>();
        foreach (var pair in pairs)
        {
            var chunks = Chunks(pair.Contributions, AnalyticsKeys.ShardOf(pair.Id));
            units.AddRange(chunks.Select((cells, i) => new WriteUnit(AnalyticsKeys.PairPart(pair.Id, i), cells)));
        }

        var ownChunks = Chunks(own, AnalyticsKeys.ShardOf(eventId));
        if (ownChunks.Count == 0)
        {
            ownChunks.Add([]);
        }

        for (var i = 0; i < ownChunks.Count; i++)
        {
            var claim = i == ownChunks.Count - 1 ? AnalyticsKeys.Processed(eventId) : AnalyticsKeys.EventPart(eventId, i);
            units.Add(new WriteUnit(claim, ownChunks[i]));
        }

        return Pack(units);
    }

    // Contributions to the same cell merge into one write; the order is fixed, so every delivery plans the same units.
    private static List<CellWrite[]> Chunks(IEnumerable<Contribution> contributions, int shard) =>
    [
        .. contributions
            .GroupBy(c => c.Key)
            .Select(g => new CellWrite(g.Key, shard, g.Aggregate(default(Measures), (sum, c) => sum + c.Delta)))
            .Where(c => !c.IsEmpty)
            .OrderBy(c => c.Pk, StringComparer.Ordinal).ThenBy(c => c.Sk, StringComparer.Ordinal)
            .Chunk(MaxTransactionItems - 1),
    ];

    private static List<IReadOnlyList<WriteUnit>> Pack(List<WriteUnit> units)
    {
        var transactions = new List<IReadOnlyList<WriteUnit>>();
        var current = new List<WriteUnit>();
        var items = 0;
        var keys = new HashSet<(string, string)>();
        foreach (var unit in units)
        {
            var clash = unit.Cells.Any(c => keys.Contains((c.Pk, c.Sk)));
            if (current.Count > 0 && (items + unit.Items > MaxTransactionItems || clash))
            {
                transactions.Add(current);
                current = [];
                items = 0;
                keys.Clear();
            }

            current.Add(unit);
            items += unit.Items;
            keys.UnionWith(unit.Cells.Select(c => (c.Pk, c.Sk)));
        }

        transactions.Add(current);
        return transactions;
    }
}
