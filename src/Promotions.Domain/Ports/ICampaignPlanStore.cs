using Promotions.Domain.Campaigns;
using Promotions.Domain.Plans;

namespace Promotions.Domain.Ports;

/// <summary>The steps of campaign plans: what ran, and writing a step with its changes exactly once.</summary>
public interface ICampaignPlanStore
{
    /// <summary>The campaigns that have a plan and are scheduled, active or paused (the local scheduler's read).</summary>
    Task<IReadOnlyList<Campaign>> ListWithPlansAsync(CancellationToken ct);

    /// <summary>The records of the steps of revision <paramref name="revision"/> that ran, by stage index.</summary>
    Task<IReadOnlyList<StepRecord>> ListStepsAsync(string campaignId, long revision, CancellationToken ct);

    /// <summary>
    /// Writes the step in one transaction: its record when none exists for (campaign, revision, index), the campaign
    /// and the promotions under the versions they were read at, and the events; all of it or nothing.
    /// </summary>
    Task<StageWriteStatus> WriteStepAsync(StageWrite write, CancellationToken ct);
}
