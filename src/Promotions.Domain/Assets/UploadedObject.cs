namespace Promotions.Domain.Assets;

/// <summary>
/// What arrived for a pending asset, as the store holds it: its size and content type, its first bytes (for the
/// magic-byte check) and a tag that changes whenever the bytes do, so completion can insist on the very
/// bytes that were inspected.
/// </summary>
public sealed record UploadedObject(long Size, string? ContentType, ReadOnlyMemory<byte> Header, string Tag);
