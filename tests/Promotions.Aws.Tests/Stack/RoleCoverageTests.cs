using System.Text.RegularExpressions;
using Promotions.Aws.Tests.Support;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The lower bound beside <see cref="LeastPrivilegeTests"/>: every DynamoDB, SQS, S3 and KMS call in
/// src/Promotions.Aws, found in the source, is attributed to the functions that run it (the table below, by
/// folder), and each of those functions' roles in the translated template allows the IAM actions the call
/// needs on its resource; so does every event source mapping's function for what Lambda polls with its role.
/// </summary>
public sealed partial class RoleCoverageTests(DeployedStack stack) : IClassFixture<DeployedStack>
{
    private static readonly string[] CatalogReads = ["GetItem", "BatchGetItem", "Query"];

    /// <summary>Who runs the calls of each folder of src/Promotions.Aws: function, client, resource, and the calls it runs (all when null).</summary>
    private static readonly Dictionary<string, Use[]> Folders = new(StringComparer.Ordinal)
    {
        ["Analytics"] = [new("AnalyticsFunction", "dynamodb", "AnalyticsTable")],
        ["Assets"] = [new("AdminFunction", "dynamodb", "MainTable"), new("AdminFunction", "s3", "AssetsBucket")],
        ["Catalog"] = [.. TemplateRoles.Functions.Select(f => new Use(f, "dynamodb", "MainTable", CatalogReads))],
        // The code-guessing lockout: offers' code lookup, quotes and redemptions count unknown codes.
        ["CodeAttempts"] =
        [
            new("PromotionApiFunction", "dynamodb", "MainTable"),
            new("ValidationFunction", "dynamodb", "MainTable"),
            new("RedemptionFunction", "dynamodb", "MainTable"),
        ],
        ["Codes"] = [new("AdminFunction", "dynamodb", "MainTable"), new("AdminFunction", "sqs", "CodeJobsQueue")],
        ["Customers"] = [new("AdminFunction", "dynamodb", "MainTable")],
        ["Dynamo"] =
        [
            .. TemplateRoles.Functions.Select(f => new Use(f, "dynamodb", "MainTable", CatalogReads)),
            new("AdminFunction", "dynamodb", "MainTable"),
            new("RedemptionFunction", "dynamodb", "MainTable", ["TransactWriteItems"]),
        ],
        ["Events"] = [new("RedemptionFunction", "dynamodb", "MainTable"), new("RedemptionFunction", "sqs", "AnalyticsQueue")],
        // Campaign plan steps: the Admin function reads a plan's step records and writes steps (the SigV4 Step Functions
        // calls are not SDK calls; LeastPrivilegeTests and the stack test cover the role's states: statements).
        ["Plans"] = [new("AdminFunction", "dynamodb", "MainTable")],
        // The schedule's due steps: the Admin function queries the due index on each tick.
        ["Scheduling"] = [new("AdminFunction", "dynamodb", "MainTable", CatalogReads)],
        ["PersonalData"] = [new("AdminFunction", "kms", "PersonalDataKey", ["GenerateDataKey", "Decrypt"]), new("AdminFunction", "kms", "LookupKey", ["GenerateMac"])],
        ["Redemptions"] =
        [
            new("RedemptionFunction", "dynamodb", "MainTable"),
            // Offers and quotes read promotions' usage through the ledger.
            new("PromotionApiFunction", "dynamodb", "MainTable", CatalogReads),
            new("ValidationFunction", "dynamodb", "MainTable", CatalogReads),
        ],
    };

    private static readonly string[] ClientNames = ["dynamo", "_dynamo", "sqs", "s3", "kms"];

    [Fact]
    public void Source_CallsAwsOnlyThroughClientsTheScanSees()
    {
        var names = SourceFiles().SelectMany(f => ClientParameter().Matches(File.ReadAllText(f)).Select(m => (File: f, Name: m.Groups[2].Value))).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.True(ClientNames.Contains(n.Name), $"{n.File} names an AWS client '{n.Name}'; the scan reads {string.Join(", ", ClientNames)}."));
    }

    [Fact]
    public void EveryAwsCallInTheSource_IsRunByAFunctionInTheTable()
    {
        var calls = Calls().ToList();

        Assert.Contains(calls, c => c is { Folder: "Analytics", Op: "BatchWriteItem" });
        Assert.All(calls, c => Assert.True(
            Folders.TryGetValue(c.Folder, out var uses) && uses.Any(u => u.Client == c.Client && u.Runs(c.Op)),
            $"{c.Client} {c.Op} in src/Promotions.Aws/{c.Folder} is run by no function of the table: add the folder's functions and resources."));
    }

    [Fact]
    public void EachFunctionsRole_AllowsEveryCallItRuns()
    {
        var missing = (
            from call in Calls()
            from use in Folders[call.Folder]
            where use.Client == call.Client && use.Runs(call.Op)
            from action in IamActions(call.Client, call.Op)
            where !Allows(use.Function, action, use.Resource)
            select $"{use.Function}: {action} on {use.Resource} (src/Promotions.Aws/{call.Folder} calls {call.Op})").Distinct().ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void EachEventSourceMappingsFunction_MayPollItsSource()
    {
        var mappings = TemplateValues.Resources(stack.Template).Where(r => r.Value!["Type"]!.GetValue<string>() == "AWS::Lambda::EventSourceMapping").ToList();

        Assert.Equal(4, mappings.Count);
        foreach (var (_, mapping) in mappings)
        {
            var properties = mapping!["Properties"]!;
            var function = properties["FunctionName"]!["Ref"]!.GetValue<string>();
            var source = properties["EventSourceArn"]!["Fn::GetAtt"]!.AsArray();
            string[] needs = source[1]!.GetValue<string>() == "StreamArn"
                ? ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]
                : ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"];
            Assert.All(needs, action => Assert.True(Allows(function, action, source[0]!.GetValue<string>()), $"{function} lacks {action} on {source[0]}"));
        }
    }

    /// <summary>The IAM actions an SDK call needs (a transaction needs those of its items; reads of a missing object need ListBucket to answer 404).</summary>
    private static string[] IamActions(string client, string op) => (client, op) switch
    {
        ("dynamodb", "TransactWriteItems") => ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:ConditionCheckItem"],
        ("sqs", "SendMessageBatch") => ["sqs:SendMessage"],
        ("s3", "GetObject" or "GetObjectMetadata") => ["s3:GetObject", "s3:ListBucket"],
        ("s3", "CopyObject") => ["s3:GetObject", "s3:PutObject"],
        ("s3", "DeleteObjects") => ["s3:DeleteObject"],
        // The URLs it signs are uploads (PUT) and downloads (GET), which act with the signer's rights.
        ("s3", "GetPreSignedURL") => ["s3:PutObject", "s3:GetObject"],
        _ => [$"{client}:{op}"],
    };

    /// <summary>Whether the role allows the action on the resource: bucket actions on the bucket's ARN, object actions on its objects.</summary>
    private bool Allows(string function, string action, string logicalId) =>
        TemplateRoles.Statements(stack.Template, function).Any(s => s.Actions.Contains(action) && s.Resources.Any(r =>
            TemplateRoles.Names(r, logicalId) && (!action.StartsWith("s3:", StringComparison.Ordinal) || (action == "s3:ListBucket") != r.Contains("/*", StringComparison.Ordinal))));

    private static IEnumerable<(string Folder, string Client, string Op)> Calls()
    {
        var root = Path.Combine(RepositoryRoot.Path, "src", "Promotions.Aws");
        foreach (var file in SourceFiles())
        {
            var folder = Path.GetRelativePath(root, file).Split(Path.DirectorySeparatorChar)[0];
            foreach (Match call in ClientCall().Matches(File.ReadAllText(file)))
            {
                var client = call.Groups[1].Value.TrimStart('_') switch { "dynamo" => "dynamodb", var other => other };
                yield return (folder, client, call.Groups[2].Value);
            }
        }
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src", "Promotions.Aws"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"\b(_?dynamo|sqs|s3|kms)\.(\w+)Async\(")]
    private static partial Regex ClientCall();

    [GeneratedRegex(@"\bIAmazon(DynamoDB|SQS|S3|KeyManagementService)\s+(\w+)\s*[,)=;]")]
    private static partial Regex ClientParameter();

    private sealed record Use(string Function, string Client, string Resource, string[]? Only = null)
    {
        public bool Runs(string op) => Only is null || Only.Contains(op);
    }
}
