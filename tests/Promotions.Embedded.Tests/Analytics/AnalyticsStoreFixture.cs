using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Analytics;
using Promotions.Embedded.Analytics;
using Promotions.Embedded.Tests.Support;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Tests.Analytics;

/// <summary>An analytics store on its own SQLite database in a temp folder, and the slices tests compare.</summary>
internal sealed class AnalyticsStoreFixture : IDisposable
{
    private readonly TempDatabase _database = new();

    public AnalyticsStoreFixture()
    {
        Storage = _database.Database;
        Store = new SqliteAnalyticsStore(Storage, new FakeTimeProvider(AnalyticsSamples.Day0));
    }

    public TempDatabase Database => _database;

    public SqliteDatabase Storage { get; }

    public SqliteAnalyticsStore Store { get; }

    /// <summary>Every slice of every scope a report reads, as text, over all time.</summary>
    public async Task<List<string>> SnapshotAsync(IEnumerable<(AnalyticsScope Scope, string Id)> scopes)
    {
        var lines = new List<string>();
        foreach (var (scope, id) in scopes)
        {
            foreach (var dimension in Enum.GetValues<AnalyticsDimension>())
            {
                foreach (var byDay in new[] { false, true })
                {
                    var rows = await Store.ReadAsync(new AnalyticsSlice(scope, id, dimension, DateRange.AllTime, byDay), CancellationToken.None);
                    lines.AddRange(rows.Select(r => $"{scope}/{id}/{dimension}/{byDay}: {r}"));
                }
            }
        }

        return lines;
    }

    public void Dispose() => _database.Dispose();
}
