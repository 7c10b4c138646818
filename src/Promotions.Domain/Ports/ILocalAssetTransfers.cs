using Promotions.Domain.Assets;

namespace Promotions.Domain.Ports;

/// <summary>
/// The embedded store's stand-in for S3's presigned URLs: its upload and download URLs point at the API itself,
/// which hands the requests here to be checked against their signature and served. Only the embedded adapter
/// set registers it; on AWS the URLs point at S3 and the API answers these routes with 404.
/// </summary>
public interface ILocalAssetTransfers
{
    /// <summary>Stores the body of a presigned upload after checking signature, expiry, type, length and single use.</summary>
    Task<TransferOutcome> ReceiveAsync(SignedTransfer request, Stream body, CancellationToken ct);

    /// <summary>Opens the bytes of a presigned download after checking its signature and expiry.</summary>
    Task<SignedDownload> OpenAsync(SignedTransfer request, CancellationToken ct);
}
