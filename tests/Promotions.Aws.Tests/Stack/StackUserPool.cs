using System.Text.Json.Nodes;
using Promotions.Aws.Tests.Support;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The stack's user pool, created through the emulator's Cognito API from the Cognito resources of the translated
/// template, because moto's CloudFormation leaves them as placeholders: the pool, every group, the resource server
/// with its scopes, and every app client with the template's OAuth settings. The only addition is the admin
/// password flow on the clients, so the tests can sign a user in without SRP. <see cref="Names"/> maps each of
/// those logical ids to the id the emulator gave it.
/// </summary>
public sealed class StackUserPool
{
    private readonly CognitoIdp _idp;

    private StackUserPool(CognitoIdp idp, IReadOnlyDictionary<string, string> names, string poolLogicalId)
    {
        _idp = idp;
        Names = names;
        PoolId = names[poolLogicalId];
    }

    public string PoolId { get; }

    /// <summary>Logical id → id of every Cognito resource created, plus the parameters and pseudo parameters.</summary>
    public IReadOnlyDictionary<string, string> Names { get; }

    public string Issuer => $"https://cognito-idp.{Emulator.Region}.amazonaws.com/{PoolId}";

    public static async Task<StackUserPool> CreateAsync(DeployedStack stack)
    {
        ArgumentNullException.ThrowIfNull(stack);
        Assert.True(stack.Emulator.IsMoto, "The stack's user pool is created on moto, whose CloudFormation does not create Cognito resources.");
        var idp = new CognitoIdp(stack.Emulator.Endpoint!, Emulator.Region);
        var resources = TemplateValues.Resources(stack.Template);
        var names = TemplateValues.Defaults(stack.Template, stack.StackName);
        // The portal's app client names the portal's URL, which the stack gave its distribution.
        names["PortalDistribution.DomainName"] = new Uri(stack.Outputs["PortalUrl"]).Host;
        JsonObject PropertiesOf(JsonNode resource) => TemplateValues.Resolve(resource["Properties"] ?? new JsonObject(), names)!.AsObject();
        IEnumerable<KeyValuePair<string, JsonNode?>> OfType(string type) => resources.Where(r => (string?)r.Value!["Type"] == type);

        var (poolLogicalId, poolResource) = Assert.Single(OfType("AWS::Cognito::UserPool"));
        var pool = PropertiesOf(poolResource!);
        // CloudFormation's UserPoolName is the API's PoolName; EnabledMfas exists only in CloudFormation.
        pool["PoolName"] = pool["UserPoolName"]?.DeepClone();
        pool.Remove("UserPoolName");
        pool.Remove("EnabledMfas");
        names[poolLogicalId] = (await idp.CallAsync("CreateUserPool", pool)).GetProperty("UserPool").GetProperty("Id").GetString()!;

        foreach (var (_, group) in OfType("AWS::Cognito::UserPoolGroup"))
        {
            await idp.CallAsync("CreateGroup", PropertiesOf(group!));
        }

        foreach (var (_, server) in OfType("AWS::Cognito::UserPoolResourceServer"))
        {
            await idp.CallAsync("CreateResourceServer", PropertiesOf(server!));
        }

        foreach (var (logicalId, client) in OfType("AWS::Cognito::UserPoolClient"))
        {
            var properties = PropertiesOf(client!);
            var flows = properties["ExplicitAuthFlows"] as JsonArray ?? [];
            flows.Add("ALLOW_ADMIN_USER_PASSWORD_AUTH");
            properties["ExplicitAuthFlows"] = flows.DeepClone();
            var created = await idp.CallAsync("CreateUserPoolClient", properties);
            names[logicalId] = created.GetProperty("UserPoolClient").GetProperty("ClientId").GetString()!;
        }

        return new StackUserPool(idp, names, poolLogicalId);
    }

    /// <summary>A user in <paramref name="group"/>, signed in through <paramref name="clientLogicalId"/>: its access token.</summary>
    public async Task<string> SignInAsync(string group, string clientLogicalId)
    {
        var email = $"{group}-{Guid.NewGuid().ToString("N")[..6]}@example.com";
        await _idp.CreateUserAsync(PoolId, email, CognitoPool.Password, group);
        return (await _idp.SignInAsync(PoolId, Names[clientLogicalId], email, CognitoPool.Password)).Access;
    }

    /// <summary>An access token as the pool issues it to a client-credentials client, carrying <paramref name="scope"/>.</summary>
    public string MachineToken(string clientLogicalId, string scope) =>
        CognitoPool.IssueMachineToken(Issuer, Names[clientLogicalId], scope);
}
