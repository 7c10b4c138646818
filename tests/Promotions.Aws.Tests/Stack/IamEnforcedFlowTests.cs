namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The permissions of template.yaml proven by running the product on them: the deployed stack's flow
/// (<see cref="StackFlow"/>) with moto enforcing IAM and every function, and every event source mapping's poll,
/// signing with a session of its own function's role. A call the role does not allow is refused (403) and fails the
/// flow. What moto's enforcement does not check is in docs/deploy.md.
/// </summary>
public sealed class IamEnforcedFlowTests(IamEnforcedStackFixture fixture) : IClassFixture<IamEnforcedStackFixture>
{
    [Fact]
    public void Functions_SignWithTheirOwnRolesSessions()
    {
        var keys = fixture.Stack.Functions.Values.Select(f => f.Settings.All["Aws:AccessKeyId"]).ToList();

        Assert.Equal(TemplateRoles.Functions.Order(StringComparer.Ordinal), fixture.Stack.Functions.Keys.Order(StringComparer.Ordinal));
        Assert.All(keys, k => Assert.StartsWith("ASIA", k, StringComparison.Ordinal));
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.All(fixture.Stack.Functions.Values, f => Assert.False(string.IsNullOrEmpty(f.Settings.All["Aws:SessionToken"])));
    }

    [Fact]
    public async Task Flow_WithEachFunctionOnItsOwnRole_AdminToRedemptionToAnalytics()
    {
        var (marketer, analyst) = fixture.Staff;

        await new StackFlow(fixture.Stack).RunAsync(marketer, analyst);
    }
}
