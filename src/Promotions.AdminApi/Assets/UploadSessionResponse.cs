namespace Promotions.AdminApi.Assets;

/// <summary>A new upload session: the pending asset, the request that uploads its bytes, and where to complete it.</summary>
internal sealed record UploadSessionResponse(AssetResponse Asset, PresignedRequestResponse Upload, string Complete);
