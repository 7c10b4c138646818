namespace Promotions.LocalHost.Portal;

/// <summary>The body of <c>/config.json</c>, the portal's runtime configuration on the local host.</summary>
internal sealed record PortalConfig(PortalAuthConfig Auth)
{
    public static PortalConfig Dev { get; } = new(new PortalAuthConfig("dev"));
}
