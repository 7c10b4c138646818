using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.LocalHost.Health;

namespace Promotions.Api.Tests.Host;

/// <summary>Readiness reports a store that cannot be opened as unhealthy (503) instead of throwing.</summary>
public sealed class StoreReadinessCheckTests
{
    [Fact]
    public async Task Check_WhenStoreCannotBeOpened_ReturnsUnhealthy()
    {
        var check = new StoreReadinessCheck(new UnopenableStore());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.IsType<SqliteException>(result.Exception);
    }

    /// <summary>A store whose database file cannot be opened (SQLITE_CANTOPEN on every call).</summary>
    private sealed class UnopenableStore : ICampaignTypeStore
    {
        private static SqliteException CantOpen() => new("unable to open database file", 14);

        public Task<CampaignType?> GetAsync(string id, CancellationToken ct) => throw CantOpen();

        public Task<Page<CampaignType>> ListAsync(ListQuery page, CancellationToken ct) => throw CantOpen();

        public Task<WriteResult<CampaignType>> CreateAsync(CampaignType campaignType, CancellationToken ct) => throw CantOpen();

        public Task<WriteResult<CampaignType>> UpdateAsync(CampaignType campaignType, long expectedVersion, CancellationToken ct) => throw CantOpen();

        public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) => throw CantOpen();
    }
}
