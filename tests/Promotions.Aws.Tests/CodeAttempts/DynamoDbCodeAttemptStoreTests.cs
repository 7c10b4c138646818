using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.CodeAttempts;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.CodeAttempts;

public sealed class DynamoDbCodeAttemptStoreTests(AwsTestResources aws) : CodeAttemptStoreContract, IClassFixture<AwsTestResources>
{
    protected override Task<ICodeAttemptStore> CreateStoreAsync() => Task.FromResult(aws.Services.GetRequiredService<ICodeAttemptStore>());
}
