using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Stores;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Search;

public sealed class DynamoDbPromotionSearchTests(AwsTestResources aws) : PromotionSearchContract, IClassFixture<AwsTestResources>
{
    protected override Task<IPromotionSearch> CreateSearchAsync() => Task.FromResult(aws.Services.GetRequiredService<IPromotionSearch>());
}
