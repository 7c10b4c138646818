using Promotions.Domain.Assets;
using Promotions.Domain.Ports;

namespace Promotions.AdminApi.Assets;

/// <summary>
/// Turns the store's presigned requests into what clients get: absolute URLs (the embedded store's are relative
/// to the asset's resource in this API, S3's are absolute already), and metadata with its download link.
/// </summary>
internal static class AssetLinks
{
    public static string Resource(string id) => $"/admin/assets/{Uri.EscapeDataString(id)}";

    public static PresignedRequestResponse Resolve(HttpRequest request, string assetId, PresignedRequest presigned)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(presigned);
        var resource = new Uri($"{request.Scheme}://{request.Host}{request.PathBase}{Resource(assetId)}/");
        var url = new Uri(resource, presigned.Url).AbsoluteUri;
        return new PresignedRequestResponse(url, presigned.Method, presigned.Headers, presigned.ExpiresAt);
    }

    /// <summary>True when the store serves the bytes elsewhere (S3), so the API redirects rather than streams.</summary>
    public static bool IsElsewhere(PresignedRequest presigned) => Uri.IsWellFormedUriString(presigned.Url, UriKind.Absolute);

    public static async Task<AssetResponse> DescribeAsync(Asset asset, IAssetStore store, HttpRequest request, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(asset);
        ArgumentNullException.ThrowIfNull(store);
        if (asset.Status != AssetStatus.Ready)
        {
            return AssetResponse.From(asset, null);
        }

        var download = await store.PresignDownloadAsync(asset, clock.GetUtcNow() + AssetPolicy.DownloadUrlLifetime, ct);
        return AssetResponse.From(asset, Resolve(request, asset.Id, download));
    }
}
