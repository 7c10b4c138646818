namespace Promotions.Domain.Assets;

/// <summary>How the embedded store answered a request to one of its presigned URLs.</summary>
public enum TransferOutcome
{
    /// <summary>Accepted: the bytes were stored (upload) or are being served (download).</summary>
    Accepted,

    /// <summary>The signature does not match the URL and the headers sent (or the URL is not this store's).</summary>
    SignatureInvalid,

    /// <summary>The URL's time has passed.</summary>
    Expired,

    /// <summary>The upload URL was used already, or its asset is no longer waiting for bytes.</summary>
    AlreadyUsed,

    /// <summary>The body was not exactly the signed length.</summary>
    LengthMismatch,

    /// <summary>There is no such asset (or, for a download, no bytes of it).</summary>
    NotFound,
}
