using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Promotions.Aws.Codes;
using Promotions.Aws.Customers;
using Promotions.Aws.Plans;
using Promotions.Aws.Scheduling;
using Promotions.Aws.Search;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Catalog;

/// <summary>Registration of the catalog's AWS adapters (called from <see cref="AwsAdapters.AddAwsAdapters"/>).</summary>
public static class DynamoDbCatalog
{
    /// <summary>
    /// Registers campaigns, campaign types, promotions, segments, customers, codes, code jobs, search and the schedule's
    /// due steps on the main DynamoDB table, and the code-job hand-off on SQS; needs the clients and options of the AWS
    /// adapter set.
    /// </summary>
    public static IServiceCollection AddDynamoDbCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton<CatalogVersion>();
        services.TryAddSingleton<ICampaignStore, DynamoDbCampaignStore>();
        services.TryAddSingleton<ICampaignTypeStore, DynamoDbCampaignTypeStore>();
        services.TryAddSingleton<IPromotionStore, DynamoDbPromotionStore>();
        services.TryAddSingleton<ISegmentStore, DynamoDbSegmentStore>();
        services.TryAddSingleton<ICustomerStore, DynamoDbCustomerStore>();
        services.TryAddSingleton<ICodeStore, DynamoDbCodeStore>();
        services.TryAddSingleton<ICodeJobStore, DynamoDbCodeJobStore>();
        services.TryAddSingleton<IPromotionSearch, DynamoDbPromotionSearch>();
        services.TryAddSingleton<ICodeJobQueue, SqsCodeJobQueue>();
        services.TryAddSingleton<ICampaignPlanStore, DynamoDbCampaignPlanStore>();
        services.TryAddSingleton<ICodeDistributionStore, DynamoDbCodeDistributionStore>();
        services.TryAddSingleton<IDueStepQuery, DynamoDbDueStepQuery>();
        return services;
    }
}
