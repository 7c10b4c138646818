using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Stores;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Catalog;

public sealed class DynamoDbCampaignTypeStoreTests(AwsTestResources aws) : CampaignTypeStoreContract, IClassFixture<AwsTestResources>
{
    protected override Task<ICampaignTypeStore> CreateStoreAsync() => Task.FromResult(aws.Services.GetRequiredService<ICampaignTypeStore>());
}
