using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Stores;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Catalog;

public sealed class DynamoDbPromotionStoreTests(AwsTestResources aws) : PromotionStoreContract, IClassFixture<AwsTestResources>
{
    protected override IOutbox Outbox => aws.Services.GetRequiredService<IOutbox>();

    protected override Task<IPromotionStore> CreateStoreAsync() => Task.FromResult(aws.Services.GetRequiredService<IPromotionStore>());
}
