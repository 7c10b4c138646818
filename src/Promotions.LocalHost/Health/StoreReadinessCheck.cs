using Microsoft.Extensions.Diagnostics.HealthChecks;
using Promotions.Domain.Ports;

namespace Promotions.LocalHost.Health;

/// <summary>
/// Ready means the store answers: the cheapest list through a port opens the store (and, on first use,
/// migrates it), so a missing, locked or unreadable database shows here instead of on the first real call.
/// </summary>
internal sealed class StoreReadinessCheck(ICampaignTypeStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ListAsync(new ListQuery(Limit: 1), cancellationToken);
            return HealthCheckResult.Healthy("The store answers.");
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.Data.Common.DbException or UnauthorizedAccessException)
        {
            // Readiness reports the failure rather than throwing: the answer is 503 with the reason, not a 500.
            return HealthCheckResult.Unhealthy("The store cannot be opened.", e);
        }
    }
}
