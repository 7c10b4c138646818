using System.Security.Claims;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// What Cognito-issued tokens must carry beyond issuer, signature and lifetime, and what they grant. An ID token
/// (<c>token_use: id</c>) names its app client in <c>aud</c>; an access token (<c>token_use: access</c>) in
/// <c>client_id</c>; either must be one of the allowed clients. People's roles are their <c>cognito:groups</c>;
/// machine clients' scopes are the resource server's scopes <c>&lt;ResourceServer&gt;/&lt;scope&gt;</c> in <c>scope</c>.
/// Only an access token may bind its holder to channels and a partner (<c>channels</c>, <c>partner_id</c>: claims a
/// pre-token-generation trigger adds for a machine client, docs/security.md); an ID token's are ignored, since people
/// are staff and their tokens' claims can come from attributes the user may write.
/// </summary>
public static class CognitoTokens
{
    /// <summary>The caller of a validated Cognito token; throws <see cref="TokenRefusedException"/> when it does not fit.</summary>
    public static ClaimsPrincipal ToCaller(ClaimsPrincipal token, CognitoOptions cognito)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(cognito);
        var allowed = cognito.AllowedClients;
        switch (token.FindFirst("token_use")?.Value)
        {
            case "id":
                if (!token.FindAll("aud").Any(a => allowed.Contains(a.Value)))
                {
                    throw new TokenRefusedException("token_wrong_audience", "The ID token was issued to an app client this service does not accept.");
                }

                break;
            case "access":
                if (token.FindFirst("client_id")?.Value is not { } client || !allowed.Contains(client))
                {
                    throw new TokenRefusedException("token_wrong_client", "The access token was issued to an app client this service does not accept.");
                }

                break;
            default:
                throw new TokenRefusedException("token_wrong_use", "Only Cognito ID and access tokens are accepted (token_use id or access).");
        }

        var prefix = cognito.ResourceServer + "/";
        var scopes = token.FindAll("scope")
            .SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(s => s.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => s[prefix.Length..]);
        var access = token.FindFirst("token_use")?.Value == "access";
        return CallerClaims.Build(
            token.FindFirst("sub")?.Value,
            token.FindAll("cognito:groups").Select(c => c.Value),
            scopes,
            access ? CallerClaims.BoundChannels(token) : null,
            access ? token.FindFirst(CallerClaims.PartnerClaim)?.Value : null);
    }
}
