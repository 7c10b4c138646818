namespace Promotions.Domain.Assets;

/// <summary>
/// A request a client makes itself, without the caller's token, that the store authorizes by its signature:
/// a PUT of an asset's bytes or a GET of them. <see cref="Headers"/> must be sent exactly as given (the
/// signature covers them). A relative <see cref="Url"/> is relative to the asset's resource in the API
/// (<c>/admin/assets/{id}/</c>): the embedded store's transfers are served by the API itself.
/// </summary>
public sealed record PresignedRequest(string Url, string Method, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ExpiresAt);
