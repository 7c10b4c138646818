using Microsoft.Extensions.DependencyInjection;
using Promotions.Contracts.Redemptions;

namespace Promotions.Aws.Tests.Redemptions;

/// <summary>The stage contract on the AWS adapter set (DynamoDB on moto), fresh tables per test.</summary>
public sealed class DynamoDbStageRecordingTests : StageRecordingContract
{
    private readonly LedgerResources _aws;

    public DynamoDbStageRecordingTests() => _aws = new LedgerResources(Clock);

    protected override T Port<T>() => _aws.Services.GetRequiredService<T>();

    public override Task InitializeAsync() => _aws.InitializeAsync();

    public override Task DisposeAsync() => _aws.DisposeAsync();
}
