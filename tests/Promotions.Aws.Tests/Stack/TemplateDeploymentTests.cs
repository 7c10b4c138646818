using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Tests.Support;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// template.yaml itself, deployed to the emulator's CloudFormation: the resources it creates are the ones the
/// adapters expect (tables with the key schema of <see cref="TableLayout"/>, stream, TTL), and every function's
/// environment names those resources.
/// </summary>
public sealed class TemplateDeploymentTests(DeployedStack stack) : IClassFixture<DeployedStack>
{
    private static readonly string[] FunctionIds = ["AdminFunction", "PromotionApiFunction", "ValidationFunction", "RedemptionFunction", "AnalyticsFunction"];

    [Fact]
    public void Deploy_CreatesFiveFunctionsEachRunByTheWebAdapterInAwsMode()
    {
        Assert.Equal(FunctionIds.Order(), stack.Functions.Keys.Order());
        Assert.All(stack.Functions.Values, environment =>
        {
            Assert.Equal("/opt/bootstrap", environment["AWS_LAMBDA_EXEC_WRAPPER"]);
            Assert.Equal("/health", environment["AWS_LWA_READINESS_CHECK_PATH"]);
            Assert.Equal("aws", environment["Adapters__Mode"]);
            Assert.Equal(stack.Outputs["MainTableName"], environment["Aws__Table"]);
        });
    }

    [Fact]
    public void Deploy_GivesEachFunctionOnlyTheResourcesItUses()
    {
        Assert.Equal("/events/admin", stack.Functions["AdminFunction"]["AWS_LWA_PASS_THROUGH_PATH"]);
        Assert.Equal(stack.Outputs["CodeJobsQueueUrl"], stack.Functions["AdminFunction"]["Aws__CodeJobsQueueUrl"]);
        Assert.Equal(stack.Outputs["AssetsBucketName"], stack.Functions["AdminFunction"]["Aws__AssetsBucket"]);
        Assert.Equal("/events/redemption", stack.Functions["RedemptionFunction"]["AWS_LWA_PASS_THROUGH_PATH"]);
        Assert.Equal(stack.Outputs["AnalyticsQueueUrl"], stack.Functions["RedemptionFunction"]["Aws__EventQueues__analytics"]);
        Assert.Equal("/events/analytics", stack.Functions["AnalyticsFunction"]["AWS_LWA_PASS_THROUGH_PATH"]);
        Assert.Equal(stack.Outputs["AnalyticsTableName"], stack.Functions["AnalyticsFunction"]["Aws__AnalyticsTable"]);
        Assert.DoesNotContain("Aws__AnalyticsTable", stack.Functions["RedemptionFunction"].Keys);
        Assert.DoesNotContain("AWS_LWA_PASS_THROUGH_PATH", stack.Functions["PromotionApiFunction"].Keys);
        Assert.DoesNotContain("AWS_LWA_PASS_THROUGH_PATH", stack.Functions["ValidationFunction"].Keys);
        Assert.Equal(stack.Outputs["PersonalDataKeyId"], stack.Functions["AdminFunction"]["Aws__KmsKeyId"]);
        Assert.Equal(stack.Outputs["LookupKeyId"], stack.Functions["AdminFunction"]["Aws__KmsLookupKeyId"]);
        Assert.All(FunctionIds.Where(f => f != "AdminFunction"), f => Assert.DoesNotContain(stack.Functions[f].Keys, k => k.StartsWith("Aws__Kms", StringComparison.Ordinal)));
    }

    [Fact]
    public void Template_DeclaresTheKeysOfPersonalDataAsTheKeyRingUsesThem()
    {
        var resources = stack.Template.GetProperty("Resources");
        var dataKey = resources.GetProperty("PersonalDataKey").GetProperty("Properties");
        var lookupKey = resources.GetProperty("LookupKey").GetProperty("Properties");

        Assert.Equal(("SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT"), (dataKey.GetProperty("KeySpec").GetString(), dataKey.GetProperty("KeyUsage").GetString()));
        Assert.Equal(("HMAC_256", "GENERATE_VERIFY_MAC"), (lookupKey.GetProperty("KeySpec").GetString(), lookupKey.GetProperty("KeyUsage").GetString()));
        Assert.True(dataKey.GetProperty("EnableKeyRotation").GetBoolean());
        Assert.False(lookupKey.TryGetProperty("EnableKeyRotation", out _));
        Assert.Equal("Retain", resources.GetProperty("LookupKey").GetProperty("DeletionPolicy").GetString());
        Assert.Equal(("AWS::KMS::Key", "AWS::KMS::Key"), (stack.Resources["PersonalDataKey"].Type, stack.Resources["LookupKey"].Type));
    }

    [Fact]
    public async Task Deploy_CreatesTheMainTableAsTheAdaptersLayItOut()
    {
        using var dynamo = DynamoDb();
        var table = (await dynamo.DescribeTableAsync(stack.Outputs["MainTableName"])).Table;
        var expected = TableLayout.MainTable(table.TableName);

        Assert.Equal(Keys(expected.KeySchema), Keys(table.KeySchema));
        Assert.Equal(
            expected.GlobalSecondaryIndexes.Select(i => (i.IndexName, Keys(i.KeySchema), i.Projection.ProjectionType.Value)).OrderBy(i => i.IndexName),
            table.GlobalSecondaryIndexes.Select(i => (i.IndexName, Keys(i.KeySchema), i.Projection.ProjectionType.Value)).OrderBy(i => i.IndexName));
        Assert.Equal(StreamViewType.NEW_AND_OLD_IMAGES, table.StreamSpecification.StreamViewType);
        var ttl = await dynamo.DescribeTimeToLiveAsync(table.TableName);
        var declared = stack.Template.GetProperty("Resources").GetProperty("MainTable").GetProperty("Properties").GetProperty("TimeToLiveSpecification");
        Assert.Equal(TableLayout.Ttl, declared.GetProperty("AttributeName").GetString());
        Assert.True(declared.GetProperty("Enabled").GetBoolean());
        if (!stack.Emulator.IsMoto)
        {
            // moto's CloudFormation does not apply TTL settings; a real stack (or LocalStack) must report them.
            Assert.Equal(TableLayout.Ttl, ttl.TimeToLiveDescription.AttributeName);
        }
    }

    [Fact]
    public async Task Deploy_CreatesTheAnalyticsTableAsTheAdaptersLayItOut()
    {
        using var dynamo = DynamoDb();
        var table = (await dynamo.DescribeTableAsync(stack.Outputs["AnalyticsTableName"])).Table;
        var expected = TableLayout.AnalyticsTable(table.TableName);

        Assert.Equal(Keys(expected.KeySchema), Keys(table.KeySchema));
        Assert.Equal(
            (expected.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName).Order(),
            (table.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName).Order());
    }

    [Fact]
    public void Deploy_WiresEveryEventSource()
    {
        var mappings = stack.Resources.Where(r => r.Value.Type == "AWS::Lambda::EventSourceMapping").Select(r => r.Key).Order();

        Assert.Equal(["AnalyticsQueueToConsumer", "CodeJobsQueueToAdmin", "OutboxStreamToRelay"], mappings);
        Assert.Equal("AWS::Events::Rule", stack.Resources["RedemptionFunctionSweep"].Type);
    }

    private static string Keys(List<KeySchemaElement> schema) =>
        string.Join(",", schema.Select(k => $"{k.AttributeName}:{k.KeyType.Value}"));

    private AmazonDynamoDBClient DynamoDb()
    {
        var config = new AmazonDynamoDBConfig();
        if (stack.Emulator.Endpoint is { } endpoint)
        {
            config.ServiceURL = endpoint;
            config.AuthenticationRegion = Emulator.Region;
            return new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), config);
        }

        config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(Emulator.Region);
        return new AmazonDynamoDBClient(config);
    }
}
