using System.Net;
using System.Text.RegularExpressions;

namespace Promotions.ServiceDefaults.Auth;

/// <summary>
/// The Cognito user pool and the app clients whose tokens the services accept (section <c>Auth:Cognito</c>).
/// The issuer and the key set follow from the pool id; both can be pointed at an emulator.
/// </summary>
public sealed partial class CognitoOptions
{
    /// <summary>The pool id, <c>&lt;region&gt;_&lt;id&gt;</c> (e.g. <c>eu-west-1_AbC123xyz</c>); empty: local tokens.</summary>
    public string? UserPoolId { get; set; }

    /// <summary>The app clients whose tokens are accepted, separated by commas or spaces.</summary>
    public string? ClientIds { get; set; }

    /// <summary>
    /// The identifier of the pool's resource server: a machine client's scope <c>&lt;ResourceServer&gt;/redeem</c>
    /// grants the product scope <c>redeem</c>. Scopes of other resource servers grant nothing.
    /// </summary>
    public string ResourceServer { get; set; } = "promotions";

    /// <summary>The token issuer; by default <c>https://cognito-idp.&lt;region&gt;.amazonaws.com/&lt;pool id&gt;</c>.</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// Where the pool's signing keys are published; by default <c>&lt;issuer&gt;/.well-known/jwks.json</c>. Must be
    /// https, except on a loopback address (an emulator on this machine).
    /// </summary>
    public string? JwksUrl { get; set; }

    /// <summary>The pool's region, the part of its id before the underscore.</summary>
    public string Region => UserPoolId?.Split('_', 2)[0] ?? "";

    public string EffectiveIssuer =>
        string.IsNullOrWhiteSpace(Issuer) ? $"https://cognito-idp.{Region}.amazonaws.com/{UserPoolId}" : Issuer.TrimEnd('/');

    public string EffectiveJwksUrl => string.IsNullOrWhiteSpace(JwksUrl) ? EffectiveIssuer + "/.well-known/jwks.json" : JwksUrl;

    /// <summary>The accepted app client ids.</summary>
    public IReadOnlySet<string> AllowedClients =>
        (ClientIds ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    /// <summary>Why these settings cannot work, or null when they can.</summary>
    public string? Problem()
    {
        if (UserPoolId is null || !PoolId().IsMatch(UserPoolId))
        {
            return $"Auth:Cognito:UserPoolId '{UserPoolId}' is not a user pool id (<region>_<id>).";
        }

        if (AllowedClients.Count == 0)
        {
            return "Auth:Cognito:ClientIds must name at least one app client.";
        }

        if (string.IsNullOrWhiteSpace(ResourceServer) || ResourceServer.Any(char.IsWhiteSpace))
        {
            return "Auth:Cognito:ResourceServer must be the resource server's identifier.";
        }

        if (!Uri.TryCreate(EffectiveIssuer, UriKind.Absolute, out _))
        {
            return $"Auth:Cognito:Issuer '{EffectiveIssuer}' is not an absolute URL.";
        }

        if (!Uri.TryCreate(EffectiveJwksUrl, UriKind.Absolute, out var jwks)
            || (jwks.Scheme != Uri.UriSchemeHttps && !(jwks.Scheme == Uri.UriSchemeHttp && IsLoopback(jwks))))
        {
            return $"Auth:Cognito:JwksUrl '{EffectiveJwksUrl}' must be an https URL (http only on a loopback address).";
        }

        return null;
    }

    internal static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host, out var address) && IPAddress.IsLoopback(address));

    [GeneratedRegex(@"^[a-z]{2}(-[a-z]+)+-\d+_[0-9A-Za-z]+$")]
    private static partial Regex PoolId();
}
