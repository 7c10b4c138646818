using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Aws.Events;
using Promotions.Domain.Offers;
using Promotions.Redemption.Idempotency;
using Promotions.Redemption.Redeeming;
using Promotions.Redemption.Reservations;
using Promotions.Redemption.Reversals;
using Promotions.ServiceDefaults.Adapters;
using Promotions.ServiceDefaults.Auth;
using Promotions.ServiceDefaults.Http;

namespace Promotions.Redemption;

/// <summary>
/// The composition surface of the Redemption service: its services, its routes under <c>/redemptions</c> and, on
/// AWS, the pass-through path of its event sources.
/// </summary>
public static class RedemptionApiExtensions
{
    /// <summary>Where the Lambda Web Adapter posts the function's non-HTTP events (the table's stream, the schedule).</summary>
    public const string PassThroughPath = "/events/redemption";

    // A Lambda event payload is at most 6 MB.
    private const long MaxEventBytes = 6 * 1024 * 1024;

    /// <summary>
    /// Registers the offers logic (TryAdd: the local host shares one live catalog with the other services) and the
    /// redemption preparation; the ledger, the idempotency store and the outbox come from the adapter set. The
    /// background work depends on <c>Adapters:Mode</c>: embedded, an in-process sweeper expires holds and old
    /// idempotency keys on a timer (the embedded dispatcher relays events); on AWS a Lambda is frozen between
    /// invocations, so nothing runs on a timer: the table's stream and a one-minute schedule arrive on
    /// <see cref="PassThroughPath"/> (the outbox relay), and DynamoDB's TTL drops old keys.
    /// </summary>
    public static IServiceCollection AddRedemptionApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton<LiveCatalog>();
        services.TryAddSingleton<CustomerResolver>();
        services.TryAddSingleton<CodeResolver>();
        services.TryAddSingleton<UsageCache>();
        services.TryAddSingleton<CartQuoter>();
        services.TryAddSingleton<CartRedeemer>();
        services.TryAddSingleton<IdempotentRequest>();
        if (AdapterSelection.ModeOf(configuration) == AdapterMode.Aws)
        {
            services.AddAwsOutboxRelay();
        }
        else
        {
            services.AddOptions<SweeperOptions>().BindConfiguration(SweeperOptions.Section);
            services.AddHostedService<ReservationSweeper>();
        }

        return services;
    }

    /// <summary>Maps every Redemption endpoint (policy <c>redeem</c>) and, on AWS, the relay's pass-through path.</summary>
    public static IEndpointRouteBuilder MapRedemptionApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var group = app.MapGroup("/redemptions").WithTags("Redemptions");
        group.MapRedemptions();
        group.MapReservations();
        group.MapReversals();
        if (AdapterSelection.ModeOf(app.ServiceProvider.GetRequiredService<IConfiguration>()) == AdapterMode.Aws)
        {
            // Reached only by the function's own event sources: API Gateway routes no /events/* path.
            app.MapOutboxRelay(PassThroughPath).WithBodyLimit(MaxEventBytes).RequireAuthorization(Policies.EventsIngest);
        }

        return app;
    }
}
