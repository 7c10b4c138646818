using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Promotions.LocalHost.Portal;

/// <summary>
/// Serves the built portal: its files as they are, and <c>index.html</c> for a client route (a GET that asks for
/// HTML, matched no endpoint, has no file extension and is not under an API prefix), so API routes are never shadowed:
/// an unknown <c>/admin/...</c> stays a 404 ProblemDetails. Middleware, not endpoints, so the API's route table is unchanged.
/// </summary>
internal static class PortalFiles
{
    private static readonly string[] ApiPrefixes =
        ["/admin", "/offers", "/validate", "/redemptions", "/analytics", "/events", "/health", "/openapi", "/scalar", "/ping", "/dev", "/config.json"];

    public static void UsePortalFiles(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<PortalOptions>>().Value;
        var root = Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, options.Root));
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            return;
        }

        var files = new PhysicalFileProvider(root);
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            OnPrepareResponse = context =>
            {
                // Hashed bundles never change; everything else (index.html) is checked every time.
                var immutable = context.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal);
                context.Context.Response.Headers[HeaderNames.CacheControl] = immutable ? "public, max-age=31536000, immutable" : "no-cache";
            },
        });
        app.Use(async (context, next) =>
        {
            if (IsClientRoute(context))
            {
                context.Response.ContentType = "text/html; charset=utf-8";
                context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
                await context.Response.SendFileAsync(files.GetFileInfo("index.html"), context.RequestAborted);
                return;
            }

            await next(context);
        });
    }

    /// <summary>True for a browser's navigation to a portal route.</summary>
    public static bool IsClientRoute(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || context.GetEndpoint() is not null)
        {
            return false;
        }

        var path = request.Path.Value ?? "/";
        if (Path.HasExtension(path) || ApiPrefixes.Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase) || path.StartsWith(p + "/", StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        return request.Headers.Accept.Any(a => a is not null && a.Contains("text/html", StringComparison.OrdinalIgnoreCase));
    }
}
