using System.Text.Json;
using Promotions.Domain.PersonalData;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The function roles of template.yaml as CloudFormation received them: each function may do only what its
/// service does, on the resources it owns, and nothing is granted on every resource of the account.
/// </summary>
public sealed class LeastPrivilegeTests(DeployedStack stack) : IClassFixture<DeployedStack>
{
    private static readonly string[] Functions = TemplateRoles.Functions;

    private static readonly string[] WriteActions = ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"];

    [Fact]
    public void Roles_GrantNoWildcardActionAndNoActionOnEveryResource()
    {
        foreach (var function in Functions)
        {
            foreach (var (actions, resources, _) in Statements(function))
            {
                Assert.All(actions, a => Assert.DoesNotContain("*", a, StringComparison.Ordinal));
                Assert.All(resources, r => Assert.NotEqual("\"*\"", r));
            }
        }
    }

    [Fact]
    public void Roles_AttachOnlyLoggingAndTracingManagedPolicies()
    {
        foreach (var function in Functions)
        {
            var managed = Role(function).GetProperty("ManagedPolicyArns").EnumerateArray().Select(a => a.GetString()).Order();
            Assert.Equal(
                ["arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"],
                managed);
        }
    }

    [Fact]
    public void Roles_LetOnlyTheAdminAndRedemptionFunctionsWriteTheMainTable_BeyondCodeAttempts()
    {
        Assert.True(Writes(CanOn("AdminFunction", "MainTable")));
        Assert.True(Writes(CanOn("RedemptionFunction", "MainTable")));
        Assert.False(Writes(CanOn("PromotionApiFunction", "MainTable", codeAttempts: false)));
        Assert.False(Writes(CanOn("ValidationFunction", "MainTable", codeAttempts: false)));
        Assert.False(Writes(CanOn("AnalyticsFunction", "MainTable")));
        Assert.DoesNotContain("dynamodb:DeleteItem", CanOn("RedemptionFunction", "MainTable"));
    }

    [Fact]
    public void Roles_LetOffersAndValidationUpdateOnlyTheCodeAttemptItems()
    {
        foreach (var function in new[] { "PromotionApiFunction", "ValidationFunction" })
        {
            var statement = Assert.Single(Statements(function), s => Writes([.. s.Actions]));
            Assert.Equal(["dynamodb:UpdateItem"], statement.Actions);
            Assert.True(IsCodeAttemptsOnly(statement.Condition), $"{function}: {statement.Condition}");
        }
    }

    [Fact]
    public void Roles_GiveEachQueueBucketAndTableToItsOwnersOnly()
    {
        Assert.Equal(["AnalyticsFunction"], Functions.Where(f => Writes(CanOn(f, "AnalyticsTable"))));
        Assert.Equal(["RedemptionFunction"], Functions.Where(f => CanOn(f, "AnalyticsQueue").Contains("sqs:SendMessage")));
        Assert.Equal(["AnalyticsFunction"], Functions.Where(f => CanOn(f, "AnalyticsQueue").Contains("sqs:ReceiveMessage")));
        Assert.Equal(["AdminFunction"], Functions.Where(f => CanOn(f, "CodeJobsQueue").Count > 0));
        Assert.Equal(["AdminFunction"], Functions.Where(f => CanOn(f, "AssetsBucket").Count > 0));
        Assert.Equal(["RedemptionFunction"], Functions.Where(f => CanOn(f, "MainTable").Contains("dynamodb:GetRecords")));
    }

    [Fact]
    public void Roles_GiveTheKeysOfPersonalDataToTheAdminFunctionOnly_UnderTheContextTheCodeUses()
    {
        // Offers, validation and redemption read customers' profiles, which hold nothing sealed.
        Assert.Equal(["AdminFunction"], Functions.Where(f => CanOn(f, "PersonalDataKey").Count > 0 || CanOn(f, "LookupKey").Count > 0));
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey"], CanOn("AdminFunction", "PersonalDataKey").Order());
        Assert.Equal(["kms:GenerateMac"], CanOn("AdminFunction", "LookupKey"));
        var dataKeys = Assert.Single(Statements("AdminFunction"), s => s.Actions.Contains("kms:Decrypt")).Condition.GetProperty("StringEquals");
        Assert.Equal(
            PersonalDataProtector.Context.Select(c => ("kms:EncryptionContext:" + c.Key, c.Value)).Order(),
            dataKeys.EnumerateObject().Select(c => (c.Name, c.Value.GetString()!)).Order());
        var mac = Assert.Single(Statements("AdminFunction"), s => s.Actions.Contains("kms:GenerateMac")).Condition;
        Assert.Equal("HMAC_SHA_256", mac.GetProperty("StringEquals").GetProperty("kms:MacAlgorithm").GetString());
    }

    private static bool Writes(HashSet<string> actions) => WriteActions.Any(actions.Contains);

    // A statement that reaches only items whose partition key starts CODEATTEMPTS# (docs/security.md, "Code guessing").
    private static bool IsCodeAttemptsOnly(JsonElement condition) =>
        condition.ValueKind == JsonValueKind.Object
        && condition.TryGetProperty("ForAllValues:StringLike", out var like)
        && like.TryGetProperty("dynamodb:LeadingKeys", out var keys)
        && (keys.ValueKind == JsonValueKind.Array ? keys.EnumerateArray().Select(k => k.GetString()).ToArray() : [keys.GetString()])
            .SequenceEqual(["CODEATTEMPTS#*"]);

    private JsonElement Role(string function) => TemplateRoles.Role(stack.Template, function);

    private IEnumerable<(List<string> Actions, List<string> Resources, JsonElement Condition)> Statements(string function) =>
        TemplateRoles.Statements(stack.Template, function);

    /// <summary>
    /// The actions a function's role allows on a resource of the template (named by its logical id); without those
    /// limited to the code attempt items when <paramref name="codeAttempts"/> is false.
    /// </summary>
    private HashSet<string> CanOn(string function, string logicalId, bool codeAttempts = true) =>
        [.. Statements(function)
            .Where(s => codeAttempts || !IsCodeAttemptsOnly(s.Condition))
            .Where(s => s.Resources.Any(r => TemplateRoles.Names(r, logicalId)))
            .SelectMany(s => s.Actions)];
}
