using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Promotions.Domain.Events;
using Promotions.Embedded.Outbox;

namespace Promotions.Embedded.Dispatch;

/// <summary>Registration of the in-process event relay; consumers register as <c>IEventConsumer</c> beside it.</summary>
public static class EventDispatch
{
    /// <summary>
    /// Registers the outbox reader (unless registered already), one dispatch pass and the background relay;
    /// calling it twice registers nothing twice.
    /// </summary>
    public static IServiceCollection AddEventDispatcher(this IServiceCollection services)
    {
        services.AddOptions<DispatchOptions>()
            .BindConfiguration(DispatchOptions.SectionName)
            .Validate(o => o.BatchSize is >= 1 and <= 1000, "Embedded:Dispatch:BatchSize must be from 1 to 1000.")
            .Validate(o => o.InitialDelay >= TimeSpan.Zero && o.PollInterval > TimeSpan.Zero && o.RetryDelay >= TimeSpan.Zero,
                "Embedded:Dispatch delays must be positive.")
            .Validate(o => o.MaxAttempts is >= 1 and <= 100, "Embedded:Dispatch:MaxAttempts must be from 1 to 100.")
            .ValidateOnStart();
        services.TryAddSingleton<IOutbox, SqliteOutbox>();
        services.TryAddSingleton<DeliveryFailures>();
        services.TryAddSingleton<DispatchPass>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, EventDispatcher>());
        return services;
    }
}
