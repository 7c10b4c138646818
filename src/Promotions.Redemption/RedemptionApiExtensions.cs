using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Domain.Offers;
using Promotions.Redemption.Idempotency;
using Promotions.Redemption.Redeeming;
using Promotions.Redemption.Reservations;
using Promotions.Redemption.Reversals;

namespace Promotions.Redemption;

/// <summary>The composition surface of the Redemption service: its services and its routes under <c>/redemptions</c>.</summary>
public static class RedemptionApiExtensions
{
    /// <summary>
    /// Registers the offers logic (TryAdd: the local host shares one live catalog with the other services), the
    /// redemption preparation and the sweeper that expires holds and old idempotency keys. The ledger, the
    /// idempotency store and the outbox come from the adapter set.
    /// </summary>
    public static IServiceCollection AddRedemptionApi(this IServiceCollection services)
    {
        services.TryAddSingleton<LiveCatalog>();
        services.TryAddSingleton<CustomerResolver>();
        services.TryAddSingleton<CodeResolver>();
        services.TryAddSingleton<RedemptionPreparer>();
        services.TryAddSingleton<IdempotentRequest>();
        services.AddOptions<SweeperOptions>().BindConfiguration(SweeperOptions.Section);
        services.AddHostedService<ReservationSweeper>();
        return services;
    }

    /// <summary>Maps every Redemption endpoint (policy <c>redeem</c>).</summary>
    public static IEndpointRouteBuilder MapRedemptionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/redemptions").WithTags("Redemptions");
        group.MapRedemptions();
        group.MapReservations();
        group.MapReversals();
        return app;
    }
}
