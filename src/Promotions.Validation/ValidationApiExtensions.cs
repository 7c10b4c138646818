using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Domain.Offers;
using Promotions.Validation.Quotes;

namespace Promotions.Validation;

/// <summary>The composition surface of the Validation service: its services and its route <c>/validate</c>.</summary>
public static class ValidationApiExtensions
{
    /// <summary>
    /// Registers the offers logic over the ports. TryAdd, because the local host composes this service with the
    /// Promotion API, and both must share one live catalog.
    /// </summary>
    public static IServiceCollection AddValidationApi(this IServiceCollection services)
    {
        services.TryAddSingleton<ICatalogObserver, CatalogLog>();
        services.TryAddSingleton<LiveCatalog>();
        services.TryAddSingleton<UsageCache>();
        services.TryAddSingleton<CustomerResolver>();
        services.TryAddSingleton<CodeResolver>();
        services.TryAddSingleton<CartQuoter>();
        return services;
    }

    /// <summary>Maps <c>POST /validate</c> (policy <c>validate</c>).</summary>
    public static IEndpointRouteBuilder MapValidationApi(this IEndpointRouteBuilder app)
    {
        app.MapValidate();
        return app;
    }
}
