using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Stores;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Customers;

public sealed class DynamoDbCustomerStoreTests(AwsTestResources aws) : CustomerStoreContract, IClassFixture<AwsTestResources>
{
    protected override Task<ICustomerStore> CreateStoreAsync() => Task.FromResult(aws.Services.GetRequiredService<ICustomerStore>());
}
