using Microsoft.Extensions.Time.Testing;
using Promotions.Contracts.Analytics;
using Promotions.Embedded.Analytics;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Analytics;

/// <summary>An analytics store on its own SQLite database in a temp folder, beside a main database.</summary>
internal sealed class AnalyticsStoreFixture : IDisposable
{
    private readonly TempDatabase _database = new();

    public AnalyticsStoreFixture()
    {
        Analytics = new AnalyticsDatabase(_database.Database);
        Store = new SqliteAnalyticsStore(Analytics, new FakeTimeProvider(AnalyticsSamples.Day0));
    }

    /// <summary>The main database (the outbox's, the ledger's), beside Analytics' own.</summary>
    public TempDatabase Database => _database;

    public AnalyticsDatabase Analytics { get; }

    public SqliteAnalyticsStore Store { get; }

    public void Dispose()
    {
        Analytics.Dispose();
        _database.Dispose();
    }
}
