using Microsoft.Extensions.Time.Testing;
using Promotions.Contracts.Analytics;
using Promotions.Domain.Analytics;
using Promotions.Embedded.Analytics;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Analytics;

/// <summary>The analytics contract on real SQLite files, one temporary database per store.</summary>
public sealed class SqliteAnalyticsStoreTests : AnalyticsStoreContract, IDisposable
{
    private readonly List<TempDatabase> _databases = [];

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }

    protected override Task<IAnalyticsStore> NewStoreAsync()
    {
        var database = new TempDatabase();
        lock (_databases)
        {
            _databases.Add(database);
        }

        return Task.FromResult<IAnalyticsStore>(new SqliteAnalyticsStore(database.Database, new FakeTimeProvider(AnalyticsSamples.Day0)));
    }
}
