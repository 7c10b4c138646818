using System.Diagnostics;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;

namespace Promotions.CrashHost;

/// <summary>
/// The plan store with a SIGKILL around the first step it writes: <c>before</c> the step's transaction (nothing of it
/// committed), or <c>after</c> it committed and before the runner could go on (its search update, its log, the next
/// step): the point where an SQS delivery would not yet have been acknowledged.
/// </summary>
internal sealed class KillAroundPlanStep(ICampaignPlanStore inner, string when) : ICampaignPlanStore
{
    public Task<IReadOnlyList<Campaign>> ListWithPlansAsync(CancellationToken ct) => inner.ListWithPlansAsync(ct);

    public Task<IReadOnlyList<StepRecord>> ListStepsAsync(string campaignId, long revision, CancellationToken ct) =>
        inner.ListStepsAsync(campaignId, revision, ct);

    public async Task<StageWriteStatus> WriteStepAsync(StageWrite write, CancellationToken ct)
    {
        if (when == "before")
        {
            Kill();
        }

        var status = await inner.WriteStepAsync(write, ct);
        if (when == "after" && status == StageWriteStatus.Written)
        {
            Kill();
        }

        return status;
    }

    private static void Kill()
    {
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }
}
