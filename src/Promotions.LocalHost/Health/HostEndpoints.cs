using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Promotions.LocalHost.Health;

/// <summary>
/// The host's own anonymous endpoints: <c>/health/ready</c> (the store answers) and <c>/ping</c>, the
/// cheapest JSON endpoint there is, which the load test measures as its baseline.
/// </summary>
internal static class HostEndpoints
{
    public const string ReadyTag = "ready";

    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<StoreReadinessCheck>("store", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapHostEndpoints(this WebApplication app)
    {
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) })
            .AllowAnonymous();
        app.MapGet("/ping", Ping).AllowAnonymous().WithName("Ping").WithSummary("Answers {\"pong\":true}; the load test's baseline.");
        return app;
    }

    private static Ok<PingResponse> Ping() => TypedResults.Ok(PingResponse.Instance);
}

/// <summary>The body of <c>/ping</c>.</summary>
internal sealed record PingResponse(bool Pong)
{
    public static PingResponse Instance { get; } = new(true);
}
