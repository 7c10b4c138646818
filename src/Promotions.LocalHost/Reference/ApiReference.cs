using Microsoft.AspNetCore.OpenApi;
using Scalar.AspNetCore;

namespace Promotions.LocalHost.Reference;

/// <summary>The browsable API reference (Scalar at <c>/scalar</c>) over the OpenAPI document <c>/openapi/v1.json</c>.</summary>
internal static class ApiReference
{
    public const string Path = "/scalar";

    public static IServiceCollection AddApiReference(this IServiceCollection services)
    {
        // The document itself is registered by the service defaults; this only adds the bearer scheme to it.
        services.Configure<OpenApiOptions>("v1", options =>
        {
            options.AddDocumentTransformer<BearerSecurityScheme>();
            options.AddOperationTransformer<BearerSecurityScheme>();
        });
        services.AddHostedService<StartupBanner>();
        return services;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapScalarApiReference(Path, options => options
                .WithTitle("Promotions API")
                .AddPreferredSecuritySchemes(BearerSecurityScheme.Name))
            .AllowAnonymous();
        return app;
    }
}
