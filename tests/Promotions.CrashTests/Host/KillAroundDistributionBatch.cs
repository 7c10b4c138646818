using System.Diagnostics;
using Promotions.Domain.Codes;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;

namespace Promotions.CrashHost;

/// <summary>
/// The code distribution store with a SIGKILL around its second batch: <c>before</c> its transaction (the first batch
/// committed, the second not), or <c>after</c> it committed and before the distributor could go on to the third.
/// </summary>
internal sealed class KillAroundDistributionBatch(ICodeDistributionStore inner, string when) : ICodeDistributionStore
{
    private const int Batch = 2;

    public Task<IReadOnlyList<DistributionProgress>> ListAsync(string campaignId, long revision, CancellationToken ct) =>
        inner.ListAsync(campaignId, revision, ct);

    public Task<IReadOnlyList<PromoCode>> FreeCodesAsync(string promotionId, string? afterId, int limit, DateTimeOffset now, CancellationToken ct) =>
        inner.FreeCodesAsync(promotionId, afterId, limit, now, ct);

    public Task<IReadOnlySet<string>> ClaimedAsync(string promotionId, IReadOnlyList<string> customerIds, CancellationToken ct) =>
        inner.ClaimedAsync(promotionId, customerIds, ct);

    public async Task<bool> WriteBatchAsync(DistributionBatch batch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (when == "before" && batch.Progress.Batches == Batch)
        {
            Kill();
        }

        var written = await inner.WriteBatchAsync(batch, ct);
        if (when == "after" && written && batch.Progress.Batches == Batch)
        {
            Kill();
        }

        return written;
    }

    private static void Kill()
    {
        using var self = Process.GetCurrentProcess();
        self.Kill();
    }
}
