using Promotions.Domain.Assets;

namespace Promotions.AdminApi.Assets;

/// <summary>
/// An asset's metadata as the Admin API shows it. A ready asset carries <see cref="Download"/>, a short-lived
/// presigned GET of its bytes; a pending one is an upload session, open until <see cref="PendingUntil"/>.
/// </summary>
internal sealed record AssetResponse(
    string Id,
    string FileName,
    string ContentType,
    long Size,
    string? Sha256,
    DateTimeOffset CreatedAt,
    string? CampaignId,
    string? PromotionId,
    AssetStatus Status,
    DateTimeOffset? PendingUntil,
    PresignedRequestResponse? Download)
{
    public static AssetResponse From(Asset a, PresignedRequestResponse? download) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.CreatedAt, a.CampaignId, a.PromotionId, a.Status, a.PendingUntil, download);
}
