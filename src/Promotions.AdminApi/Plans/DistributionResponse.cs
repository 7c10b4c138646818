using Promotions.Domain.Plans;

namespace Promotions.AdminApi.Plans;

/// <summary>
/// The progress of a stage's <c>distribute_codes</c> change (<c>changeIndex</c>): its state (<c>running</c>,
/// <c>completed</c>, <c>exhausted</c>), the batches written, the codes given, the customers skipped because they held a
/// code of the pool already, and, once the pool ran out, how many customers got none (<c>remaining</c>).
/// </summary>
internal sealed record DistributionResponse(
    int ChangeIndex,
    string PromotionId,
    string SegmentId,
    DistributionState State,
    int Batches,
    int Distributed,
    int Skipped,
    int Remaining,
    DateTimeOffset UpdatedAt)
{
    public static DistributionResponse From(DistributionProgress p) =>
        new(p.ChangeIndex, p.PromotionId, p.SegmentId, p.State, p.Batches, p.Distributed, p.Skipped, p.Remaining, p.UpdatedAt);
}
