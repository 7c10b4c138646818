using Promotions.Domain.Assets;

namespace Promotions.AdminApi.Assets;

/// <summary>An asset's metadata as the Admin API shows it.</summary>
internal sealed record AssetResponse(
    string Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset CreatedAt, string? CampaignId, string? PromotionId)
{
    public static AssetResponse From(Asset a) => new(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.CreatedAt, a.CampaignId, a.PromotionId);
}
