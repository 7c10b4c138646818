using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Stores;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Catalog;

public sealed class DynamoDbCampaignStoreTests(AwsTestResources aws) : CampaignStoreContract, IClassFixture<AwsTestResources>
{
    protected override Task<ICampaignStore> CreateStoreAsync() => Task.FromResult(aws.Services.GetRequiredService<ICampaignStore>());
}
