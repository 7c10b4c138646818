namespace Promotions.LocalHost.Portal;

/// <summary>How the portal signs in: <c>dev</c> (the local host's <c>/dev/token</c>) or <c>cognito</c>.</summary>
internal sealed record PortalAuthConfig(string Mode);
