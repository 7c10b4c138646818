using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Promotions.Aws.Codes;
using Promotions.Aws.Configuration;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Stores;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Codes;

public sealed class DynamoDbCodeStoreTests(AwsTestResources aws) : CodeStoreContract, IClassFixture<AwsTestResources>
{
    protected override IOutbox Outbox => aws.Services.GetRequiredService<IOutbox>();

    protected override Task<ICodeStore> CreateStoreAsync() =>
        Task.FromResult<ICodeStore>(new DynamoDbCodeStore(aws.DynamoDb, aws.Services.GetRequiredService<IOptions<AwsOptions>>(), Clock));
}
