using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Domain.Offers;
using Promotions.PromotionApi.Codes;
using Promotions.PromotionApi.Details;
using Promotions.PromotionApi.Offers;
using Promotions.PromotionApi.Search;

namespace Promotions.PromotionApi;

/// <summary>The composition surface of the Promotion API: its services and its routes under <c>/offers</c>.</summary>
public static class PromotionApiExtensions
{
    /// <summary>
    /// Registers the offers logic over the ports and the code lookup limiter. TryAdd, because the local host
    /// composes this service with Validation, and both must share one live catalog.
    /// </summary>
    public static IServiceCollection AddPromotionApi(this IServiceCollection services)
    {
        services.TryAddSingleton<ICatalogObserver, CatalogLog>();
        services.TryAddSingleton<LiveCatalog>();
        services.TryAddSingleton<UsageCache>();
        services.TryAddSingleton<CustomerResolver>();
        services.TryAddSingleton<CodeResolver>();
        services.TryAddSingleton<CodeLookupLimiter>();
        return services;
    }

    /// <summary>Maps every Promotion API endpoint; each names the <c>offers</c> policy.</summary>
    public static IEndpointRouteBuilder MapPromotionApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/offers").WithTags("Offers")
            .MapOffers()
            .MapPromotionDetails()
            .MapCodeLookup()
            .MapSearch();
        return app;
    }
}
