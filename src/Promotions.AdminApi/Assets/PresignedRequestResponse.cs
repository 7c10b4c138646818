namespace Promotions.AdminApi.Assets;

/// <summary>A request the client sends itself, without its token: to this URL, with this method and exactly these headers, before <see cref="ExpiresAt"/>.</summary>
internal sealed record PresignedRequestResponse(string Url, string Method, IReadOnlyDictionary<string, string> Headers, DateTimeOffset ExpiresAt);
