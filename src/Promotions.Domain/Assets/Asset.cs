namespace Promotions.Domain.Assets;

/// <summary>An uploaded image, video or PDF, with what was checked about it.</summary>
public sealed record Asset(
    string Id,
    string FileName,
    string ContentType,
    long Size,
    string Sha256,
    DateTimeOffset CreatedAt,
    string? CampaignId = null,
    string? PromotionId = null);
