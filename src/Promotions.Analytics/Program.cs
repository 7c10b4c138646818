using Promotions.ServiceDefaults;
using Promotions.ServiceDefaults.Adapters;
using Promotions.ServiceDefaults.Hosting;

namespace Promotions.Analytics;

/// <summary>
/// Runs the service alone, on the adapters chosen by configuration; locally on the local host's data directory and
/// signing key (appsettings.json), so a token of the local host's <c>token</c> command works here too.
/// </summary>
public sealed class Program
{
    private Program()
    {
    }

    public static void Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddPromotionsDefaults();
        builder.Services.AddPromotionsAdapters(builder.Configuration);
        builder.Services.AddLocalSigningKey();
        builder.Services.AddAnalyticsApi();

        var app = builder.Build();
        app.UsePromotionsDefaults();
        app.MapAnalyticsApi();
        app.Run();
    }
}
