namespace Promotions.Domain.Assets;

/// <summary>
/// An image, video or PDF, with what was checked about it. A <see cref="AssetStatus.Pending"/> asset is an
/// upload session: its bytes go straight to the store by a presigned request, and it has no hash until the
/// server has verified what arrived; a pending asset not completed by <see cref="PendingUntil"/> is dropped.
/// </summary>
public sealed record Asset(
    string Id,
    string FileName,
    string ContentType,
    long Size,
    string? Sha256,
    DateTimeOffset CreatedAt,
    string? CampaignId = null,
    string? PromotionId = null,
    AssetStatus Status = AssetStatus.Ready,
    DateTimeOffset? PendingUntil = null)
{
    /// <summary>True for a pending asset whose session has run out at <paramref name="now"/>.</summary>
    public bool IsExpired(DateTimeOffset now) => Status == AssetStatus.Pending && PendingUntil is { } until && until <= now;
}
