using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Stores;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Catalog;

public sealed class DynamoDbSegmentStoreTests(AwsTestResources aws) : SegmentStoreContract, IClassFixture<AwsTestResources>
{
    protected override Task<ISegmentStore> CreateStoreAsync() => Task.FromResult(aws.Services.GetRequiredService<ISegmentStore>());
}
