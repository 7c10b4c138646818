namespace Promotions.Domain.Assets;

/// <summary>
/// The parts of a request to one of the embedded store's own presigned URLs that its signature covers: the
/// query values it put in the URL and the headers the client sent.
/// </summary>
public sealed record SignedTransfer(string AssetId, string? Expires, string? Signature, string? ContentType = null, long? ContentLength = null);
