using Promotions.Domain.Campaigns;

namespace Promotions.Domain.Ports;

/// <summary>
/// Where plans run outside the process: on AWS a Step Functions execution per campaign plan revision. The embedded
/// adapters poll due steps instead and register no executions.
/// </summary>
public interface IPlanExecutions
{
    /// <summary>Starts the execution of the campaign's current plan revision; starting the same revision again does nothing.</summary>
    Task StartAsync(Campaign campaign, CancellationToken ct);

    /// <summary>Stops the execution of the plan revision <paramref name="revision"/>, if one runs.</summary>
    Task StopAsync(string campaignId, long revision, CancellationToken ct);
}
