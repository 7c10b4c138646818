using Promotions.Domain.Campaigns;
using Promotions.Domain.Ports;

namespace Promotions.AdminApi.Plans;

/// <summary>Where the adapters run plans in process (the embedded set polls due steps): nothing to start or stop.</summary>
internal sealed class NoPlanExecutions : IPlanExecutions
{
    public Task StartAsync(Campaign campaign, CancellationToken ct) => Task.CompletedTask;

    public Task StopAsync(string campaignId, long revision, CancellationToken ct) => Task.CompletedTask;
}
