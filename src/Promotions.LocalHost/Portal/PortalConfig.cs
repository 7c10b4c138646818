namespace Promotions.LocalHost.Portal;

/// <summary>
/// The body of <c>/config.json</c>, the portal's runtime configuration: where the API is (empty: the portal's own
/// origin) and how users sign in. On AWS the deploy workflow writes the same shape with <c>cognito</c> (docs/deploy.md).
/// </summary>
internal sealed record PortalConfig(string ApiBaseUrl, PortalAuthConfig Auth)
{
    /// <summary>The local host's: the API on the same origin, dev sign-in with the local host's own tokens.</summary>
    public static PortalConfig Dev { get; } = new("", new PortalAuthConfig("dev"));
}
