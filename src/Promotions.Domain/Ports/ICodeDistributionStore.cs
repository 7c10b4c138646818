using Promotions.Domain.Codes;
using Promotions.Domain.Plans;

namespace Promotions.Domain.Ports;

/// <summary>
/// Codes given to customers by campaign plans (<c>distribute_codes</c>): each distribution's progress, and its batches
/// written exactly once. A customer holds at most one distributed code of a promotion's pool: the store keeps a claim
/// per (promotion, customer), whatever plan, revision or stage gave it.
/// </summary>
public interface ICodeDistributionStore
{
    /// <summary>The progress of every distribution of plan revision <paramref name="revision"/> of the campaign.</summary>
    Task<IReadOnlyList<DistributionProgress>> ListAsync(string campaignId, long revision, CancellationToken ct);

    /// <summary>
    /// Up to <paramref name="limit"/> codes of the promotion that can still be given, in id order after
    /// <paramref name="afterId"/>: active, unused, assigned to nobody and not expired at <paramref name="now"/>.
    /// </summary>
    Task<IReadOnlyList<PromoCode>> FreeCodesAsync(string promotionId, string? afterId, int limit, DateTimeOffset now, CancellationToken ct);

    /// <summary>Which of <paramref name="customerIds"/> hold a distributed code of the promotion already.</summary>
    Task<IReadOnlySet<string>> ClaimedAsync(string promotionId, IReadOnlyList<string> customerIds, CancellationToken ct);

    /// <summary>
    /// Writes the batch in one transaction, all of it or nothing (<see cref="DistributionBatch"/>); false when a
    /// condition failed (another run wrote the batch, a code was taken, a customer was given one meanwhile): read again.
    /// </summary>
    Task<bool> WriteBatchAsync(DistributionBatch batch, CancellationToken ct);
}
