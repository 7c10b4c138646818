namespace Promotions.LocalHost.Portal;

/// <summary>
/// The admin portal's runtime configuration: where the API is (empty: the portal's own origin) and how users sign
/// in (<see cref="PortalAuth"/>).
/// </summary>
internal sealed record PortalConfig(string ApiBaseUrl, PortalAuth Auth)
{
    /// <summary>The local host's: the API on the same origin, dev sign-in with the local host's own tokens.</summary>
    public static PortalConfig Local { get; } = new("", new PortalAuth("dev"));
}

/// <summary>How the portal signs in: <c>dev</c> (tokens the local host signs) or, on AWS, <c>cognito</c> (the hosted UI).</summary>
internal sealed record PortalAuth(string Mode);
