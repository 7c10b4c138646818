using Promotions.AdminApi;
using Promotions.Analytics;
using Promotions.ServiceDefaults.Hosting;
using Promotions.LocalHost.Demo;
using Promotions.LocalHost.Errors;
using Promotions.LocalHost.Health;
using Promotions.LocalHost.Portal;
using Promotions.LocalHost.Reference;
using Promotions.PromotionApi;
using Promotions.Redemption;
using Promotions.ServiceDefaults;
using Promotions.ServiceDefaults.Adapters;
using Promotions.Validation;

namespace Promotions.LocalHost;

/// <summary>
/// The composition of the local host: every service on the adapters of <c>Adapters:Mode</c> (embedded by
/// default), plus what only a developer machine needs (a local signing key, the API reference, demo data). A new service is one Add and one Map.
/// </summary>
public static class LocalHostApp
{
    /// <summary>Builds the application; <c>--demo</c> in <paramref name="args"/> seeds the demo data.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(DemoOptions.RewriteFlag(args));
        builder.Services.AddPromotionsDefaults();
        builder.Services.AddPromotionsAdapters(builder.Configuration);
        builder.Services.AddAdminApi();
        builder.Services.AddPromotionApi();
        builder.Services.AddValidationApi();
        builder.Services.AddRedemptionApi(builder.Configuration);
        builder.Services.AddAnalyticsApi();
        builder.Services.AddStatusProblemCodes();
        builder.Services.AddLocalSigningKey();
        builder.Services.AddApiReference();
        builder.Services.AddReadiness();
        builder.Services.AddDemoData();

        var app = builder.Build();
        app.UsePromotionsDefaults();
        app.MapHostEndpoints();
        app.MapApiReference();
        app.MapPortalConfig();
        app.MapAdminApi();
        app.MapPromotionApi();
        app.MapValidationApi();
        app.MapRedemptionApi();
        app.MapAnalyticsApi();
        return app;
    }
}
