namespace Promotions.Domain.Assets;

/// <summary>Where an asset is in its life: waiting for its bytes, or verified and servable.</summary>
public enum AssetStatus
{
    /// <summary>An upload session: the metadata is declared, the bytes are not verified (or not there) yet.</summary>
    Pending,

    /// <summary>The bytes are stored and were checked for size, type and magic bytes, and hashed.</summary>
    Ready,
}
