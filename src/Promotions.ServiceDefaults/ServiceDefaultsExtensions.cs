using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;
using Promotions.ServiceDefaults.OpenApi;
using Promotions.ServiceDefaults.Telemetry;

namespace Promotions.ServiceDefaults;

/// <summary>What every service and the local host share: JSON rules, ProblemDetails, auth, health, OpenAPI, telemetry.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// The wire format: camelCase, enums as snake_case strings, unknown members refused, decimals (amounts, rates)
    /// fixed-point without trailing zeros (<see cref="WireDecimalConverter"/>).
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.AllowTrailingCommas = false;
        options.MaxDepth = 64;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.Converters.Add(new WireDecimalConverter());
    }

    public static IServiceCollection AddPromotionsDefaults(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
            c.ProblemDetails.Extensions.TryAdd("traceId", c.HttpContext.TraceIdentifier));
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddSingleton(TimeProvider.System);
        services.AddPromotionsAuth();
        services.AddHealthChecks();
        services.AddPromotionsOpenApi();
        services.AddPromotionsTelemetry();
        return services;
    }

    /// <summary>The middleware every service runs, in order: the trace flush (on Lambda), errors, request metrics, body limits, auth.</summary>
    public static WebApplication UsePromotionsDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseTraceFlush();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseRequestMetrics();
        app.Use(BodySizeLimit.Enforce);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
