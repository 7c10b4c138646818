using Microsoft.Extensions.Time.Testing;
using Promotions.Contracts.Analytics;
using Promotions.Embedded.Analytics;
using Promotions.Embedded.Tests.Support;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Tests.Analytics;

/// <summary>An analytics store on its own SQLite database in a temp folder.</summary>
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

    public void Dispose() => _database.Dispose();
}
