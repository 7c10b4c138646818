namespace Promotions.Domain.Assets;

/// <summary>Why an upload did or did not become its asset's bytes.</summary>
public enum UploadCompletionStatus
{
    /// <summary>The asset is ready (now, or already was: completion is idempotent).</summary>
    Completed,

    /// <summary>The uploaded bytes are no longer those inspected (replaced meanwhile); inspect again.</summary>
    Changed,

    /// <summary>There is no pending asset or no upload for it (deleted meanwhile).</summary>
    NotFound,
}
