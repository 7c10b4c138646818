using Promotions.AdminApi.Assets;
using Promotions.AdminApi.Campaigns;
using Promotions.AdminApi.CampaignTypes;
using Promotions.AdminApi.Codes;
using Promotions.AdminApi.Customers;
using Promotions.AdminApi.Promotions;
using Promotions.AdminApi.Segments;
using Promotions.Domain.Codes;

namespace Promotions.AdminApi;

/// <summary>The composition surface of the Admin API: its services and its routes under <c>/admin</c>.</summary>
public static class AdminApiExtensions
{
    /// <summary>Registers what the Admin API needs beyond the shared defaults and the adapters.</summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services)
    {
        services.AddSingleton<CodeJobQueue>();
        services.AddSingleton(new CodeGenerator());
        services.AddHostedService<CodeJobRunner>();
        return services;
    }

    /// <summary>Maps every Admin API endpoint; each names its own authorization policy.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/admin");
        admin.MapCampaigns();
        admin.MapCampaignTypes();
        admin.MapPromotions();
        admin.MapSegments();
        admin.MapCustomers();
        admin.MapCodeJobs();
        admin.MapCodes();
        admin.MapAssets();
        return app;
    }
}
