using Promotions.Analytics.Events;
using Promotions.Analytics.Reports;

namespace Promotions.Analytics;

/// <summary>The composition surface of the Analytics service: reports under <c>/analytics</c> and the event pass-through.</summary>
public static class AnalyticsApiExtensions
{
    /// <summary>Registers what the Analytics service needs beyond the shared defaults and the adapters.</summary>
    public static IServiceCollection AddAnalyticsApi(this IServiceCollection services)
    {
        services.AddSingleton<ReportBuilder>();
        services.AddSingleton<StageReader>();
        return services;
    }

    /// <summary>Maps every Analytics endpoint; each names its own authorization policy.</summary>
    public static IEndpointRouteBuilder MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        app.MapReports();
        app.MapEventIngest();
        return app;
    }
}
