namespace Promotions.LocalHost.Portal;

/// <summary>A development token for the portal: the bearer token, its subject and role, and when it expires.</summary>
internal sealed record DevTokenResponse(string Token, string Subject, string Role, DateTimeOffset ExpiresAt);
