using Microsoft.AspNetCore.Http.HttpResults;

namespace Promotions.LocalHost.Portal;

/// <summary>
/// <c>/config.json</c>: the admin portal's runtime configuration on a developer machine, anonymous as the portal reads
/// it before sign-in. On AWS the same file is written into the portal's bucket from the stack's outputs
/// (docs/deploy.md, "The admin portal"); it is no API operation, so the OpenAPI document leaves it out.
/// </summary>
internal static class PortalConfigEndpoint
{
    public const string Path = "/config.json";

    public static WebApplication MapPortalConfig(this WebApplication app)
    {
        app.MapGet(Path, Get).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static Ok<PortalConfig> Get() => TypedResults.Ok(PortalConfig.Local);
}
