using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Stores;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Catalog;

public sealed class DynamoDbCodeDistributionStoreTests(AwsTestResources aws) : CodeDistributionContract, IClassFixture<AwsTestResources>
{
    protected override ICampaignStore Campaigns => aws.Services.GetRequiredService<ICampaignStore>();

    protected override ICampaignPlanStore Plans => aws.Services.GetRequiredService<ICampaignPlanStore>();

    protected override ICodeDistributionStore Distributions => aws.Services.GetRequiredService<ICodeDistributionStore>();

    protected override ICustomerStore Customers => aws.Services.GetRequiredService<ICustomerStore>();

    protected override ISegmentStore Segments => aws.Services.GetRequiredService<ISegmentStore>();

    protected override ICodeStore Codes => aws.Services.GetRequiredService<ICodeStore>();

    protected override IOutbox Outbox => aws.Services.GetRequiredService<IOutbox>();
}
