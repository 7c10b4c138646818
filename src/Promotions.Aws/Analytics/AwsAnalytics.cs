using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Domain.Analytics;

namespace Promotions.Aws.Analytics;

/// <summary>Registration of the analytics adapters on AWS: the aggregates on DynamoDB, fed by the SQS pass-through.</summary>
public static class AwsAnalytics
{
    /// <summary>
    /// Registers the DynamoDB analytics store (table <c>Aws:AnalyticsTable</c>) and the consumer the
    /// <c>/events/analytics</c> pass-through hands each SQS message to. No in-process dispatcher: on AWS the
    /// queue's event source mapping delivers.
    /// </summary>
    public static IServiceCollection AddAwsAnalytics(this IServiceCollection services)
    {
        services.TryAddSingleton<IAnalyticsStore, DynamoDbAnalyticsStore>();
        services.TryAddSingleton<AnalyticsConsumer>();
        return services;
    }
}
