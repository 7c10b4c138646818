using Promotions.Contracts.Analytics;
using Promotions.Domain.Analytics;

namespace Promotions.Embedded.Tests.Analytics;

/// <summary>The analytics contract on real SQLite files, one temporary data directory per store.</summary>
public sealed class SqliteAnalyticsStoreTests : AnalyticsStoreContract, IDisposable
{
    private readonly List<AnalyticsStoreFixture> _databases = [];

    public void Dispose()
    {
        foreach (var database in _databases)
        {
            database.Dispose();
        }
    }

    protected override Task<IAnalyticsStore> NewStoreAsync()
    {
        var fixture = new AnalyticsStoreFixture();
        lock (_databases)
        {
            _databases.Add(fixture);
        }

        return Task.FromResult<IAnalyticsStore>(fixture.Store);
    }
}
