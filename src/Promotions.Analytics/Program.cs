using Promotions.Embedded;
using Promotions.Embedded.Analytics;
using Promotions.ServiceDefaults;

namespace Promotions.Analytics;

/// <summary>Runs the service alone, on the adapters chosen by configuration.</summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddPromotionsDefaults();
        builder.Services.AddEmbeddedAdapters(builder.Configuration);

        // Idempotent, so it stays harmless once AddEmbeddedAdapters registers the analytics adapters itself.
        builder.Services.AddEmbeddedAnalytics();
        builder.Services.AddAnalyticsApi();

        var app = builder.Build();
        app.UsePromotionsDefaults();
        app.MapAnalyticsApi();
        app.Run();
    }
}
