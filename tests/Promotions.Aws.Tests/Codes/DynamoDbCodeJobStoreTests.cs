using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Stores;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Codes;

public sealed class DynamoDbCodeJobStoreTests(AwsTestResources aws) : CodeJobStoreContract, IClassFixture<AwsTestResources>
{
    protected override Task<ICodeJobStore> CreateStoreAsync() => Task.FromResult(aws.Services.GetRequiredService<ICodeJobStore>());
}
