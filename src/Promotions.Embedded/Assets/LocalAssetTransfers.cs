using Promotions.Domain.Assets;
using Promotions.Domain.Ports;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Assets;

/// <summary>
/// Serves the embedded store's presigned URLs the way S3 serves its own: an upload is taken only with a valid
/// signature, before its expiry, with the signed content type and exactly the signed length, once; a download
/// only with a valid signature before its expiry.
/// </summary>
internal sealed class LocalAssetTransfers(SqliteDatabase database, IAssetStore store, LocalUrlSigner signer, TimeProvider clock)
    : ILocalAssetTransfers
{
    private readonly AssetFiles _files = new(database.AssetsDirectory);

    public async Task<TransferOutcome> ReceiveAsync(SignedTransfer request, Stream body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        if (!AssetFiles.IsSafeId(request.AssetId) || await store.GetAsync(request.AssetId, ct) is not { } asset)
        {
            return TransferOutcome.NotFound;
        }

        // The headers sent are part of what is checked: another type or length than the signed ones fails here.
        if (signer.Verify("PUT", request, request.ContentType ?? "", request.ContentLength) is not { } expires)
        {
            return TransferOutcome.SignatureInvalid;
        }

        var now = clock.GetUtcNow();
        if (expires <= now)
        {
            return TransferOutcome.Expired;
        }

        var pendingPath = _files.Pending(asset.Id);
        if (asset.Status != AssetStatus.Pending || asset.IsExpired(now) || File.Exists(pendingPath))
        {
            return TransferOutcome.AlreadyUsed;
        }

        try
        {
            if (!await AssetFiles.WriteExactlyAsync(pendingPath, body, request.ContentLength!.Value, overwrite: false, ct))
            {
                return TransferOutcome.LengthMismatch;
            }
        }
        catch (IOException) when (File.Exists(pendingPath))
        {
            // A concurrent upload to the same URL got its bytes in first.
            return TransferOutcome.AlreadyUsed;
        }

        if (await store.GetAsync(asset.Id, ct) is not { Status: AssetStatus.Pending })
        {
            // Deleted or completed while the body streamed in: nothing may be left behind under its name.
            File.Delete(pendingPath);
            return TransferOutcome.AlreadyUsed;
        }

        return TransferOutcome.Accepted;
    }

    public async Task<SignedDownload> OpenAsync(SignedTransfer request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!AssetFiles.IsSafeId(request.AssetId))
        {
            return new SignedDownload(TransferOutcome.NotFound);
        }

        if (signer.Verify("GET", request) is not { } expires)
        {
            return new SignedDownload(TransferOutcome.SignatureInvalid);
        }

        if (expires <= clock.GetUtcNow())
        {
            return new SignedDownload(TransferOutcome.Expired);
        }

        if (await store.GetAsync(request.AssetId, ct) is not { Status: AssetStatus.Ready } asset
            || await store.OpenReadAsync(asset.Id, ct) is not { } content)
        {
            return new SignedDownload(TransferOutcome.NotFound);
        }

        return new SignedDownload(TransferOutcome.Accepted, asset, content);
    }
}
