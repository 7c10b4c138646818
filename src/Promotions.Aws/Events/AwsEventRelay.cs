using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Aws.Configuration;

namespace Promotions.Aws.Events;

/// <summary>Registration of the outbox relay of the AWS mode (the Redemption function's stream and schedule).</summary>
public static class AwsEventRelay
{
    /// <summary>
    /// Registers the relay behind <see cref="RelayEndpoint.MapOutboxRelay"/>: the SQS publisher (queues of
    /// <c>Aws:EventQueues</c>, at least one), the stream relay, the sweep and the schedule (options
    /// <c>Aws:Relay</c>). Needs <see cref="AwsAdapters.AddAwsAdapters"/>; the schedule also needs the ledger.
    /// </summary>
    public static IServiceCollection AddAwsOutboxRelay(this IServiceCollection services)
    {
        services.AddOptions<AwsOptions>()
            .Validate(o => o.EventQueues.Count > 0 && o.EventQueues.Values.All(url => !string.IsNullOrWhiteSpace(url)),
                "Aws:EventQueues must name at least one queue (e.g. Aws:EventQueues:analytics) for the outbox relay.")
            .ValidateOnStart();
        services.AddOptions<RelayOptions>()
            .BindConfiguration(RelayOptions.SectionName)
            .Validate(o => o.SweepAge >= TimeSpan.Zero && o.SweepLimit > 0 && o.HoldBatchSize > 0 && o.HoldBatches > 0,
                "Aws:Relay needs a SweepAge of zero or more and positive SweepLimit, HoldBatchSize and HoldBatches.")
            .ValidateOnStart();

        services.TryAddSingleton<DynamoDbOutbox>();
        services.TryAddSingleton<SqsEventPublisher>();
        services.TryAddSingleton<OutboxRelay>();
        services.TryAddSingleton<OutboxSweep>();
        services.TryAddSingleton<RelaySchedule>();
        return services;
    }
}
