using Promotions.Domain.Assets;
using Promotions.Domain.Common;

namespace Promotions.Domain.Ports;

/// <summary>
/// Asset metadata and bytes (SQLite and the file system locally; DynamoDB and S3 on AWS). Bytes arrive either
/// with the call (<see cref="SaveAsync"/>, small files) or straight from the client by a presigned request
/// (<see cref="BeginUploadAsync"/>, then <see cref="InspectUploadAsync"/> and <see cref="CompleteUploadAsync"/>
/// once the caller has checked what arrived); the caller checks types and sizes against the policy.
/// </summary>
public interface IAssetStore
{
    /// <summary>Stores the bytes and the metadata of a ready asset together; the content must be exactly <see cref="Asset.Size"/> bytes.</summary>
    Task SaveAsync(Asset asset, Stream content, CancellationToken ct);

    /// <summary>A ready or pending asset.</summary>
    Task<Asset?> GetAsync(string id, CancellationToken ct);

    /// <summary>The bytes of a ready asset, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string id, CancellationToken ct);

    /// <summary>Ready assets in id order (pending ones are sessions, not assets yet).</summary>
    Task<Page<Asset>> ListAsync(ListQuery page, CancellationToken ct);

    /// <summary>Deletes a ready or pending asset with whatever bytes it has; false when there is none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken ct);

    /// <summary>
    /// Stores a pending asset and answers the request that uploads its bytes: a PUT that the store accepts only
    /// with the asset's content type and exact size, once, until <paramref name="urlExpiresAt"/>.
    /// </summary>
    Task<PresignedRequest> BeginUploadAsync(Asset pending, DateTimeOffset urlExpiresAt, CancellationToken ct);

    /// <summary>What has arrived for a pending asset (with its first <paramref name="headerLength"/> bytes), or null when nothing has.</summary>
    Task<UploadedObject?> InspectUploadAsync(string id, int headerLength, CancellationToken ct);

    /// <summary>
    /// Makes the uploaded bytes the asset's, provided they are still those of <paramref name="tag"/>: hashes them,
    /// and marks the asset ready with its SHA-256. Completing a ready asset again answers it unchanged.
    /// </summary>
    Task<UploadCompletion> CompleteUploadAsync(string id, string tag, CancellationToken ct);

    /// <summary>A GET of a ready asset's bytes, served with its content type and file name, until <paramref name="expiresAt"/>.</summary>
    Task<PresignedRequest> PresignDownloadAsync(Asset asset, DateTimeOffset expiresAt, CancellationToken ct);
}
