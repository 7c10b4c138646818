using System.Security.Claims;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// The caller as the policies see it, whatever issued the token: its subject, product roles and product scopes,
/// as claims of their own types. Only these are read by the policies, so which raw claims a token may use to
/// grant anything is decided here, once per issuer (local <c>roles</c> and <c>scope</c>; Cognito
/// <c>cognito:groups</c> and resource-server scopes, <see cref="CognitoTokens"/>).
/// </summary>
public static class CallerClaims
{
    public const string Subject = "sub";
    public const string Role = "promotions:role";
    public const string Scope = "promotions:scope";

    /// <summary>The caller of a local token: <c>roles</c> are roles, the space-separated <c>scope</c> are scopes.</summary>
    public static ClaimsPrincipal FromLocal(ClaimsPrincipal token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Build(
            token.FindFirst(Subject)?.Value,
            token.FindAll("roles").Select(c => c.Value),
            token.FindAll("scope").SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    /// <summary>A principal with exactly these grants; unknown role and scope names are dropped.</summary>
    public static ClaimsPrincipal Build(string? subject, IEnumerable<string> roles, IEnumerable<string> scopes)
    {
        var claims = new List<Claim>();
        if (!string.IsNullOrEmpty(subject))
        {
            claims.Add(new Claim(Subject, subject));
        }

        claims.AddRange(roles.Where(Roles.All.Contains).Distinct().Select(r => new Claim(Role, r)));
        claims.AddRange(scopes.Where(Scopes.All.Contains).Distinct().Select(s => new Claim(Scope, s)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer", Subject, Role));
    }

    public static bool HasRole(ClaimsPrincipal user, IReadOnlyList<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(Role).Any(c => roles.Contains(c.Value));
    }

    public static bool HasScope(ClaimsPrincipal user, IReadOnlyList<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(Scope).Any(c => scopes.Contains(c.Value));
    }
}
