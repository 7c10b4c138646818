using System.Security.Claims;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// The caller as the policies see it, whatever issued the token: its subject, product roles and product scopes,
/// and the channels and partner a machine client is bound to (<see cref="CallerScope"/>), as claims of their own
/// types. Only these are read by the policies, so which raw claims a token may use to grant anything is decided
/// here, once per issuer (local <c>roles</c>, <c>scope</c>, <c>channels</c>, <c>partner_id</c>; Cognito
/// <c>cognito:groups</c>, resource-server scopes and an access token's <c>channels</c> and <c>partner_id</c>,
/// <see cref="CognitoTokens"/>).
/// </summary>
public static class CallerClaims
{
    public const string Subject = "sub";
    public const string Role = "promotions:role";
    public const string Scope = "promotions:scope";

    /// <summary>The channels a caller is bound to, space-separated; absent when it is not bound (empty: bound to none).</summary>
    public const string Channels = "promotions:channels";

    /// <summary>The partner a caller acts for.</summary>
    public const string Partner = "promotions:partner";

    /// <summary>The raw claim of the channels a token binds its holder to: a space-separated string, or an array.</summary>
    public const string ChannelsClaim = "channels";

    /// <summary>The raw claim of the partner a token's holder acts for.</summary>
    public const string PartnerClaim = "partner_id";

    /// <summary>
    /// The caller of a local token: <c>roles</c> are roles, the space-separated <c>scope</c> are scopes, <c>channels</c>
    /// and <c>partner_id</c> bind it (<see cref="CallerScope"/>).
    /// </summary>
    public static ClaimsPrincipal FromLocal(ClaimsPrincipal token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Build(
            token.FindFirst(Subject)?.Value,
            token.FindAll("roles").Select(c => c.Value),
            SpaceSeparated(token, "scope"),
            BoundChannels(token),
            token.FindFirst(PartnerClaim)?.Value);
    }

    /// <summary>
    /// A principal with exactly these grants; unknown role and scope names are dropped. <paramref name="channels"/>
    /// null leaves the caller unbound; any list (even empty, or of unknown names) binds it to exactly those channels.
    /// </summary>
    public static ClaimsPrincipal Build(
        string? subject, IEnumerable<string> roles, IEnumerable<string> scopes, IEnumerable<string>? channels = null, string? partnerId = null)
    {
        var claims = new List<Claim>();
        if (!string.IsNullOrEmpty(subject))
        {
            claims.Add(new Claim(Subject, subject));
        }

        claims.AddRange(roles.Where(Roles.All.Contains).Distinct().Select(r => new Claim(Role, r)));
        claims.AddRange(scopes.Where(Scopes.All.Contains).Distinct().Select(s => new Claim(Scope, s)));
        if (channels is not null)
        {
            claims.Add(new Claim(Channels, string.Join(' ', channels.Distinct(StringComparer.Ordinal))));
        }

        if (!string.IsNullOrEmpty(partnerId))
        {
            claims.Add(new Claim(Partner, partnerId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "Bearer", Subject, Role));
    }

    /// <summary>
    /// The channels of a token's <c>channels</c> claim (a space-separated string, or an array, which arrives as one claim
    /// per element), or null when it has none: then it is not bound.
    /// </summary>
    internal static IReadOnlyList<string>? BoundChannels(ClaimsPrincipal token) =>
        token.HasClaim(c => c.Type == ChannelsClaim) ? [.. SpaceSeparated(token, ChannelsClaim)] : null;

    private static IEnumerable<string> SpaceSeparated(ClaimsPrincipal token, string type) =>
        token.FindAll(type).SelectMany(c => c.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

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
