namespace Promotions.Aws.Tests.Stack;

/// <summary>The test classes that share one deployed stack with its five functions running (<see cref="StackFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class DeployedStackCollection : ICollectionFixture<StackFixture>
{
    public const string Name = "deployed stack";
}
