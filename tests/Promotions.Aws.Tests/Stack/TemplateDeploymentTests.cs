using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Events.Lambda;
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

        Assert.Equal(["AnalyticsQueueToConsumer", "CodeJobsQueueToAdmin", "OutboxStreamToRelay", "PlanStepsQueueToAdmin"], mappings);
        Assert.Equal("AWS::Events::Rule", stack.Resources["RedemptionFunctionSweep"].Type);
    }

    [Fact]
    public void Template_FailsAnInvocationOnlyOnThePassThroughFailureStatus()
    {
        // The adapter applies the list to HTTP requests as well: a 5xx an API answers must reach its client.
        foreach (var (function, environment) in stack.Functions)
        {
            Assert.Equal(
                environment.ContainsKey("AWS_LWA_PASS_THROUGH_PATH") ? PassThrough.FailureStatus.ToString(CultureInfo.InvariantCulture) : null,
                environment.GetValueOrDefault("AWS_LWA_ERROR_STATUS_CODES"));
        }
    }

    [Fact]
    public void Template_EncryptsTheAlarmTopicWithAKeyCloudWatchMayUse()
    {
        var resources = TemplateValues.Resources(stack.Template);
        var keyId = resources["AlarmTopic"]!["Properties"]!["KmsMasterKeyId"]!["Ref"]!.GetValue<string>();
        var key = resources[keyId]!;

        Assert.Equal("AWS::KMS::Key", key["Type"]!.GetValue<string>());
        var cloudWatch = Assert.Single(key["Properties"]!["KeyPolicy"]!["Statement"]!.AsArray(),
            s => s!["Principal"]!["Service"]?.GetValue<string>() == "cloudwatch.amazonaws.com")!;
        Assert.Equal("Allow", cloudWatch["Effect"]!.GetValue<string>());
        Assert.Equal(["kms:Decrypt", "kms:GenerateDataKey*"], cloudWatch["Action"]!.AsArray().Select(a => a!.GetValue<string>()).Order());
    }

    [Fact]
    public void Template_PinsAReleasedWebAdapterLayer()
    {
        // Layer 25 is release v0.9.1 of the AWS Lambda Web Adapter; 26 is v1.0.0-rc1, a release candidate.
        var parameter = stack.Template.GetProperty("Parameters").GetProperty("LambdaAdapterLayerVersion");

        Assert.Equal("25", parameter.GetProperty("Default").GetRawText());
        Assert.Contains("LambdaAdapterLayerArm64:${LambdaAdapterLayerVersion}", Layers("AdminFunction"), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_MovesAMessageToItsDeadLetterQueueAfterFiveReceives_AsDocsAwsSays()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "aws.md"));
        var resources = TemplateValues.Resources(stack.Template);

        foreach (var queue in new[] { "AnalyticsQueue", "CodeJobsQueue" })
        {
            Assert.Equal(5, resources[queue]!["Properties"]!["RedrivePolicy"]!["maxReceiveCount"]!.GetValue<int>());
        }

        Assert.Contains("maxReceiveCount: 5", docs, StringComparison.Ordinal);
        Assert.Contains("a dead-letter queue after 5 receives", docs, StringComparison.Ordinal);
    }

    [Fact]
    public void Template_GivesEachFunctionALogGroupOfItsOwnThatNoFirstInvocationRaces()
    {
        var resources = TemplateValues.Resources(stack.Template);

        foreach (var function in FunctionIds)
        {
            // A group named /aws/lambda/<function> may be created by the function's first invocation before the stack does.
            var group = resources[function]!["Properties"]!["LoggingConfig"]!["LogGroup"]!["Ref"]!.GetValue<string>();
            Assert.Equal("AWS::Logs::LogGroup", resources[group]!["Type"]!.GetValue<string>());
            Assert.DoesNotContain("/aws/lambda/", TemplateValues.Text(resources[group]!["Properties"]!["LogGroupName"]), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(resources, r => r.Value!["Type"]!.GetValue<string>() == "AWS::Logs::LogGroup"
            && TemplateValues.Text(r.Value["Properties"]!["LogGroupName"]).Contains("/aws/lambda/", StringComparison.Ordinal));
    }

    [Fact]
    public void Template_ProtectsTheUserPoolFromDeletion()
    {
        var pool = TemplateValues.Resources(stack.Template)["UserPool"]!["Properties"]!;

        Assert.Equal("ACTIVE", pool["DeletionProtection"]!.GetValue<string>());
    }

    [Fact]
    public void Template_ReservesCheckoutConcurrencyFromAParameter_NoneByDefault()
    {
        var parameter = stack.Template.GetProperty("Parameters").GetProperty("CheckoutReservedConcurrency");
        var reserved = TemplateValues.Resources(stack.Template)["RedemptionFunction"]!["Properties"]!["ReservedConcurrentExecutions"]!["Fn::If"]!.AsArray();

        Assert.Equal("0", parameter.GetProperty("Default").GetRawText());
        Assert.Equal("CheckoutReservedConcurrency", reserved[1]!["Ref"]!.GetValue<string>());
        Assert.Equal("AWS::NoValue", reserved[2]!["Ref"]!.GetValue<string>());
        // 0 would throttle every checkout: the condition leaves the property out instead.
        var condition = stack.Template.GetProperty("Conditions").GetProperty(reserved[0]!.GetValue<string>()).GetRawText();
        Assert.Contains("CheckoutReservedConcurrency", condition, StringComparison.Ordinal);
        Assert.All(FunctionIds.Where(f => f != "RedemptionFunction"),
            f => Assert.Null(TemplateValues.Resources(stack.Template)[f]!["Properties"]!["ReservedConcurrentExecutions"]));
    }

    private string Layers(string function) =>
        TemplateValues.Resources(stack.Template)[function]!["Properties"]!["Layers"]!.ToJsonString();

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

    [Fact]
    public void Template_AlarmsOnCheckoutErrorRateAndP99FromTheMetricsTheRedemptionFunctionWrites()
    {
        var resources = TemplateValues.Resources(stack.Template);
        var names = TemplateValues.Defaults(stack.Template, stack.StackName);
        names["AlarmTopic"] = "AlarmTopic";
        var service = ServiceDefaults.Telemetry.ServiceIdentity.FromApplication(typeof(Redemption.Program).Assembly.GetName().Name!);
        var space = stack.Functions["RedemptionFunction"]["Telemetry__Metrics__Namespace"];

        Assert.All(stack.Functions.Values, environment =>
        {
            Assert.Equal(("xray", "true", space, "json-trace"), (environment["Telemetry__Traces__Exporter"], environment["Telemetry__Metrics__Emf"],
                environment["Telemetry__Metrics__Namespace"], environment["Logging__Console__FormatterName"]));
        });
        Assert.Equal($"Promotions/{stack.StackName}", space);

        // The error rate: CheckoutErrors over CheckoutRequests, both written once per POST /redemptions by the service.
        var rate = TemplateValues.Resolve(resources["CheckoutErrorRateAlarm"]!["Properties"], names)!;
        var stats = rate["Metrics"]!.AsArray().Where(m => m!["MetricStat"] is not null)
            .Select(m => m!["MetricStat"]!["Metric"]!).ToList();
        Assert.Equal(["CheckoutErrors", "CheckoutRequests"], stats.Select(m => m["MetricName"]!.GetValue<string>()).Order());
        Assert.All(stats, m => Assert.Equal((space, "service", service),
            (m["Namespace"]!.GetValue<string>(), m["Dimensions"]![0]!["Name"]!.GetValue<string>(), m["Dimensions"]![0]!["Value"]!.GetValue<string>())));
        Assert.Equal("1", rate["Threshold"]!.GetValue<string>());

        var latency = TemplateValues.Resolve(resources["CheckoutLatencyAlarm"]!["Properties"], names)!;
        Assert.Equal(("CheckoutLatency", "p99", space, service), (latency["MetricName"]!.GetValue<string>(), latency["ExtendedStatistic"]!.GetValue<string>(),
            latency["Namespace"]!.GetValue<string>(), latency["Dimensions"]![0]!["Value"]!.GetValue<string>()));
        Assert.All(new[] { rate, latency }, alarm => Assert.Equal("AlarmTopic", alarm["AlarmActions"]![0]!.GetValue<string>()));

        // The dashboard reads the same namespace and every metric the services write.
        var dashboard = resources["OperationsDashboard"]!["Properties"]!["DashboardBody"]!["Fn::Sub"]!.GetValue<string>();
        Assert.All(["CheckoutRequests", "CheckoutErrors", "CheckoutLatency", "Redemptions", "RedemptionRefusals", "DiscountCost", "QuoteLatency", "EventsParked"],
            metric => Assert.True(dashboard.Contains($"\"{metric}\"", StringComparison.Ordinal) || dashboard.Contains($"\\\"{metric}\\\"", StringComparison.Ordinal), metric));
        Assert.Contains("Promotions/${AWS::StackName}", dashboard, StringComparison.Ordinal);
    }
}
