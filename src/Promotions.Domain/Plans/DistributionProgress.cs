namespace Promotions.Domain.Plans;

/// <summary>
/// The progress of one <c>distribute_codes</c> change of a step (campaign, plan revision, stage index, change index),
/// written with every batch under the batch count it was read at: <paramref name="Batches"/> written so far,
/// <paramref name="Distributed"/> codes assigned, <paramref name="Skipped"/> customers who had a code of the pool from a
/// distribution already, and where the next batch starts (<paramref name="CustomerCursor"/>, the last customer id
/// looked at; <paramref name="CodeCursor"/>, the last code id taken). <paramref name="Remaining"/> is how many
/// customers of the segment got no code when the pool ran out.
/// </summary>
public sealed record DistributionProgress(
    string CampaignId,
    long Revision,
    int StageIndex,
    int ChangeIndex,
    string PromotionId,
    string SegmentId,
    DistributionState State,
    int Batches,
    int Distributed,
    int Skipped,
    int Remaining,
    string? CustomerCursor,
    string? CodeCursor,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True once no batch remains.</summary>
    public bool Done => State != DistributionState.Running;
}
