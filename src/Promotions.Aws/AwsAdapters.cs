using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Aws.Assets;
using Promotions.Aws.Analytics;
using Promotions.Aws.Catalog;
using Promotions.Aws.CodeAttempts;
using Promotions.Aws.Configuration;
using Promotions.Aws.Events;
using Promotions.Aws.PersonalData;
using Promotions.Aws.Plans;
using Promotions.Aws.Redemptions;
using Promotions.Domain.Customers;
using Promotions.Domain.Events;
using Promotions.Domain.PersonalData;
using Promotions.Domain.Ports;

namespace Promotions.Aws;

/// <summary>The one registration call of the AWS adapter set (DynamoDB, SQS, S3, KMS).</summary>
public static class AwsAdapters
{
    /// <summary>
    /// Registers every port on AWS services configured by section <c>Aws</c> (<see cref="AwsOptions"/>);
    /// the clients go to <c>AWS_ENDPOINT_URL</c> (or a per-service endpoint) when one is configured.
    /// </summary>
    public static IServiceCollection AddAwsAdapters(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AwsOptions>()
            .Bind(configuration.GetSection(AwsOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.Table), "Aws:Table must name the main DynamoDB table.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AwsClients>();
        // One client per service for the process; each is registered as its SDK interface (IAmazonDynamoDB, …).
        services.TryAddSingleton(sp => sp.GetRequiredService<AwsClients>().DynamoDb());
        services.TryAddSingleton(sp => sp.GetRequiredService<AwsClients>().Sqs());
        services.TryAddSingleton(sp => sp.GetRequiredService<AwsClients>().S3());
        services.TryAddSingleton(sp => sp.GetRequiredService<AwsClients>().Kms());

        services.TryAddSingleton<IOutbox, DynamoDbOutbox>();
        services.TryAddSingleton<IAssetStore, S3AssetStore>();
        services.TryAddSingleton<IPersonalDataKeyRing, KmsKeyRing>();
        services.TryAddSingleton<PersonalDataProtector>();
        services.TryAddSingleton<CustomerPrivacy>();
        services.AddAwsAnalytics();
        services.AddDynamoDbCatalog();
        services.AddAwsRedemption(configuration);
        services.AddAwsCodeAttempts();
        if (!string.IsNullOrEmpty(configuration[$"{AwsOptions.SectionName}:{nameof(AwsOptions.PlanStateMachineArn)}"]))
        {
            // Without a state machine the Admin API registers no executions, and plans do not run.
            services.AddPlanExecutions();
        }

        return services;
    }
}
