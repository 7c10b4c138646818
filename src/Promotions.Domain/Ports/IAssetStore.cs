using Promotions.Domain.Assets;
using Promotions.Domain.Common;

namespace Promotions.Domain.Ports;

/// <summary>Asset metadata and bytes (file system locally, S3 on AWS).</summary>
public interface IAssetStore
{
    /// <summary>Stores the bytes and the metadata together; the caller has checked type and size.</summary>
    Task SaveAsync(Asset asset, Stream content, CancellationToken ct);

    Task<Asset?> GetAsync(string id, CancellationToken ct);

    /// <summary>The bytes of the asset, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string id, CancellationToken ct);

    Task<Page<Asset>> ListAsync(ListQuery page, CancellationToken ct);

    Task<bool> DeleteAsync(string id, CancellationToken ct);
}
