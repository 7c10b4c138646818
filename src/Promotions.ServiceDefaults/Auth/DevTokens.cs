using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// Mints HS256 tokens with the local signing key, for developers and tests. On AWS, Cognito issues
/// tokens and this key does not exist.
/// </summary>
public static class DevTokens
{
    public static string Create(
        AuthOptions options,
        string subject,
        IReadOnlyList<string> roles,
        IReadOnlyList<string> scopes,
        TimeProvider clock,
        TimeSpan? lifetime = null,
        IReadOnlyList<string>? channels = null,
        string? partnerId = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var key = AuthSetup.DecodeKey(options.SigningKey)
            ?? throw new InvalidOperationException("Auth:SigningKey is not set.");
        var now = clock.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object> { ["sub"] = subject };
        if (roles.Count > 0)
        {
            claims["roles"] = roles.ToArray();
        }

        if (scopes.Count > 0)
        {
            claims["scope"] = string.Join(' ', scopes);
        }

        // A bound client's channels, space-separated like scope; an empty list binds it to none.
        if (channels is not null)
        {
            claims[CallerClaims.ChannelsClaim] = string.Join(' ', channels);
        }

        if (!string.IsNullOrEmpty(partnerId))
        {
            claims[CallerClaims.PartnerClaim] = partnerId;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(12)),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>A new random signing key (base64 of 32 bytes).</summary>
    public static string NewSigningKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <summary>The subject of a token's holder, or "anonymous".</summary>
    public static string SubjectOf(ClaimsPrincipal user) => user is null ? "anonymous" : CallerScope.Of(user).CallerId;
}
