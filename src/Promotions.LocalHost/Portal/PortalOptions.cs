namespace Promotions.LocalHost.Portal;

/// <summary>
/// Where the admin portal's built files are (<c>Portal:Root</c>, relative to the content root; by default the
/// portal project's <c>dist</c> folder, which the host's build fills). No folder there: the host serves the API only.
/// </summary>
internal sealed class PortalOptions
{
    public const string Section = "Portal";

    public string Root { get; set; } = "../Promotions.AdminPortal/dist";
}
