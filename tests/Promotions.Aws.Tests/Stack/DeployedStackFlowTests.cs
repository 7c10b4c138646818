using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The deployed stack end to end: template.yaml on moto's CloudFormation, its user pool made through the Cognito
/// API, and the five services in AWS mode on the resources the stack created, with exactly the environment it
/// gave their functions. Requests arrive as HTTP API events routed by the template's own routes; the table's
/// stream and the queues reach the functions' pass-through paths as their event source mappings say.
/// </summary>
[Collection(DeployedStackCollection.Name)]
public sealed class DeployedStackFlowTests(StackFixture stack)
{
    private const string Portal = StackFlow.Portal;
    private const string Channel = StackFlow.Channel;

    private StackHttpApi Api => stack.Api;

    [Fact]
    public void Functions_RunOnTheStacksEnvironmentPlusOnlyTheEmulatorAndTheUserPoolMotoLeftOut()
    {
        foreach (var function in stack.Functions.Values)
        {
            Assert.Equal(["Auth:Cognito:ClientIds", "Auth:Cognito:UserPoolId"], function.Settings.Filled);
            Assert.Equal(stack.Pool.PoolId, function.Settings.All["Auth:Cognito:UserPoolId"]);
            Assert.Equal($"{stack.Pool.Names[Portal]},{stack.Pool.Names[Channel]}", function.Settings.All["Auth:Cognito:ClientIds"]);

            // What the running app reads in the sections that choose and configure adapters and tokens.
            var configuration = function.Services.GetRequiredService<IConfiguration>();
            string[] sections = ["Adapters", "Aws", "Auth"];
            var read = sections.SelectMany(s => configuration.GetSection(s).AsEnumerable().Where(kv => kv.Value is { Length: > 0 }).Select(kv => kv.Key));
            var given = function.Settings.All.Keys.Where(k => sections.Any(s => k.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase)));
            Assert.Equal(given.Select(k => k.ToUpperInvariant()).Order(StringComparer.Ordinal), read.Select(k => k.ToUpperInvariant()).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void HttpApi_AuthorizesEveryRouteWithThePoolAndClientsTheServicesAccept()
    {
        var services = stack.Functions.Values.Select(f => f.Settings.All["Auth:Cognito:ClientIds"]!).Distinct().Single();

        var (issuer, audience) = Api.JwtAuthorizer("Cognito", stack.Pool.Names);

        Assert.All(Api.RouteAuthorizers, a => Assert.Equal("Cognito", a));
        Assert.Equal(stack.Pool.Issuer, issuer);
        Assert.Equal(services.Split(',').Order(StringComparer.Ordinal), audience.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Flow_AdminToOffersValidateRedeemAndThroughTheStreamAndQueueToAnalytics_ReportsTheRedemption()
    {
        var marketer = await stack.Pool.SignInAsync("marketer", Portal);
        var analyst = await stack.Pool.SignInAsync("analyst", Portal);

        await new StackFlow(stack).RunAsync(marketer, analyst);
    }

    [Fact]
    public async Task Refusals_AViewerCreatingACampaignAndAChannelWithoutTheRedeemScope_Are403()
    {
        var analyst = await stack.Pool.SignInAsync("analyst", Portal);
        var quoteOnly = stack.Pool.MachineToken(Channel, "promotions/offers:read promotions/validate");

        var campaign = await Api.SendJsonAsync("POST", "/admin/campaigns", analyst, StackFlow.Campaign());
        var redeem = await Api.SendJsonAsync("POST", "/redemptions", quoteOnly, StackFlow.Order("ANYCODE1"),
            new Dictionary<string, string> { ["idempotency-key"] = "refused-" + Guid.NewGuid().ToString("N") });
        var quote = await Api.SendJsonAsync("POST", "/validate", quoteOnly, new { channel = "web", cart = StackFlow.Cart });

        Assert.Equal("forbidden", campaign.Expect(403).GetProperty("code").GetString());
        Assert.Equal("forbidden", redeem.Expect(403).GetProperty("code").GetString());
        quote.Expect(200);

        // The pass-through paths are reachable only by the functions' event sources: the API has no route to them.
        Assert.All(stack.Functions.Values.Where(f => f.Settings.StackEnvironment.ContainsKey("AWS_LWA_PASS_THROUGH_PATH")),
            f => Assert.Null(Api.Match("POST", f.Settings.StackEnvironment["AWS_LWA_PASS_THROUGH_PATH"])));
    }
}
