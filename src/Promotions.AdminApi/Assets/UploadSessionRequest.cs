namespace Promotions.AdminApi.Assets;

/// <summary>What a client declares before uploading: the file's name, its content type and its exact size in bytes.</summary>
internal sealed record UploadSessionRequest(
    string? FileName = null,
    string? ContentType = null,
    long? Size = null,
    string? CampaignId = null,
    string? PromotionId = null);
