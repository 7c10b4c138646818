namespace Promotions.LocalHost.Portal;

/// <summary>The body of <c>POST /dev/token</c>: the role the developer signs in with.</summary>
internal sealed record DevTokenRequest(string? Role);
