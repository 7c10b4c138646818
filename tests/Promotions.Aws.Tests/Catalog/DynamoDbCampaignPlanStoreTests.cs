using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Stores;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Catalog;

public sealed class DynamoDbCampaignPlanStoreTests(AwsTestResources aws) : CampaignPlanStoreContract, IClassFixture<AwsTestResources>
{
    protected override ICampaignStore Campaigns => aws.Services.GetRequiredService<ICampaignStore>();

    protected override IPromotionStore Promotions => aws.Services.GetRequiredService<IPromotionStore>();

    protected override ICampaignPlanStore Plans => aws.Services.GetRequiredService<ICampaignPlanStore>();

    protected override IOutbox Outbox => aws.Services.GetRequiredService<IOutbox>();
}
