using System.Diagnostics;
using System.Text.Json;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Aws.Tests.Support.Lambda;
using Promotions.ServiceDefaults.Telemetry;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// The flow of the deployed stack, end to end: a marketer creates a campaign, a code promotion and its codes
/// (generated through the code-job queue, and imported); a sales channel gets offers, looks the code up, quotes and
/// redeems (and replays); the table's stream reaches the relay and the analytics queue reaches Analytics as their
/// event source mappings say, each polled with its function's credentials, and the redemption's trace reaches the
/// analytics write; an analyst's report shows the redemption.
/// </summary>
internal sealed class StackFlow(StackFixture stack)
{
    public const string Portal = "AdminPortalClient";
    public const string Channel = "ChannelClient";

    public static readonly object[] Lines =
    [
        new { lineId = "a", sku = "SKU-A", quantity = 2, unitPrice = 30.00m },
        new { lineId = "b", sku = "SKU-B", quantity = 1, unitPrice = 40.00m },
    ];

    public static readonly object Cart = new { currency = "EUR", lines = Lines };

    private static readonly HttpClient StreamsHttp = new();

    private StackHttpApi Api => stack.Api;

    /// <summary>The flow, with the access tokens of a signed-in marketer and analyst.</summary>
    public async Task RunAsync(string marketer, string analyst)
    {
        var checkout = stack.Pool.MachineToken(Channel, "promotions/offers:read promotions/validate promotions/redeem");
        var code = "STACK" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

        // Admin: a campaign with a budget and a code promotion with a rule, both live, with generated and imported codes.
        var campaign = await Api.SendJsonAsync("POST", "/admin/campaigns", marketer, Campaign());
        var campaignId = campaign.Expect(201).GetProperty("id").GetString()!;
        (await Api.SendJsonAsync("POST", $"/admin/campaigns/{campaignId}/lifecycle", marketer, new { action = "activate" }, IfMatch(campaign))).Expect(200);
        var promotion = await Api.SendJsonAsync("POST", "/admin/promotions", marketer, new
        {
            campaignId,
            name = "20% off over 50",
            kind = "code",
            effect = new { type = "percent_off", percent = 20, target = new { scope = "order" } },
            rules = new[] { new { condition = new { all = new[] { new { fact = "cart.subtotal", op = "gte", value = 50 } } } } },
            channels = new[] { "web" },
            priority = 10,
            maxRedemptions = 100,
        });
        var promotionId = promotion.Expect(201).GetProperty("id").GetString()!;
        var jobId = (await Api.SendJsonAsync("POST", $"/admin/promotions/{promotionId}/code-jobs", marketer, new { length = 10, count = 5 }))
            .Expect(202).GetProperty("id").GetString()!;
        var job = await RunCodeJobAsync(jobId, marketer);
        var imported = await Api.SendAsync("POST", $"/admin/promotions/{promotionId}/codes/import", marketer, $"code\n{code}\n",
            new Dictionary<string, string> { ["content-type"] = "text/csv" });
        Assert.Equal(1, imported.Expect(200).GetProperty("imported").GetInt32());
        var draft = await Api.SendAsync("GET", $"/admin/promotions/{promotionId}", marketer);
        (await Api.SendJsonAsync("POST", $"/admin/promotions/{promotionId}/lifecycle", marketer, new { action = "activate" }, IfMatch(draft))).Expect(200);
        Assert.Equal(("completed", 5), (job.GetProperty("state").GetString(), job.GetProperty("done").GetInt32()));

        // A sales channel: offers, the code's state, a quote, then the redemption (and its replay).
        var offers = (await Api.SendJsonAsync("POST", "/offers", checkout, new { channel = "web", cart = Cart })).Expect(200);
        var lookup = (await Api.SendAsync("GET", $"/offers/codes/{code}", checkout)).Expect(200);
        var quote = (await Api.SendJsonAsync("POST", "/validate", checkout, new { channel = "web", codes = new[] { code }, cart = Cart })).Expect(200);
        Assert.Contains(promotionId, offers.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetString()));
        Assert.Equal("valid", lookup.GetProperty("status").GetString());
        Assert.Equal([promotionId], quote.GetProperty("applied").EnumerateArray().Select(a => a.GetProperty("promotionId").GetString()));
        Assert.Equal(20m, quote.GetProperty("discount").GetDecimal());

        // The checkout's request comes with the invocation's X-Ray context, as the Web Adapter passes it.
        using var spans = new SpanCollector();
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        var order = Order(code);
        var key = new Dictionary<string, string>
        {
            ["idempotency-key"] = "checkout-" + code,
            ["x-amzn-trace-id"] = $"Root=1-{trace[..8]}-{trace[8..]};Parent=53995c3f42cd8ad8;Sampled=1",
        };
        var redemption = (await Api.SendJsonAsync("POST", "/redemptions", checkout, order, key)).Expect(201);
        var replay = await Api.SendJsonAsync("POST", "/redemptions", checkout, order, key);
        // The order total is before the discount (docs/events.md): 2 × 30.00 + 40.00.
        var applied = Assert.Single(redemption.GetProperty("applied").EnumerateArray());
        Assert.Equal((20m, 100m, 80m, campaignId), (redemption.GetProperty("discount").GetDecimal(), redemption.GetProperty("subtotal").GetDecimal(),
            redemption.GetProperty("total").GetDecimal(), applied.GetProperty("campaignId").GetString()));
        Assert.Equal(redemption.GetProperty("id").GetString(), replay.Expect(201).GetProperty("id").GetString());
        Assert.Equal("true", replay.Header("Idempotent-Replayed"));

        // Events: the table's stream to the relay, the relay to the stack's analytics queue, the queue to Analytics.
        var relayed = await DrainStreamAsync();
        var consumed = await DrainAnalyticsQueueAsync();
        Assert.True(relayed > 0 && consumed.Received == relayed && consumed.Acknowledged == consumed.Received,
            $"outbox events relayed {relayed}, received from the queue {consumed.Received}, acknowledged {consumed.Acknowledged}");

        // One trace from the checkout's request to the analytics write: the Redemption function's request and its
        // transaction, the Analytics function's processing of the relayed event and its DynamoDB writes.
        var traced = spans.All.Where(s => s.TraceId.ToHexString() == trace).ToList();
        // The redemption and its replay came with the same header: two requests under the invocation's parent.
        Assert.Equal(2, traced.Count(s => s.Kind == ActivityKind.Server && s.ParentSpanId.ToHexString() == "53995c3f42cd8ad8"));
        Assert.Contains(traced, s => s.DisplayName == "DynamoDB.TransactWriteItems");
        // Each event the checkout wrote (its redemption, and any budget threshold it crossed) is processed in that trace.
        var processed = traced.Where(s => s.Source.Name == PromotionsActivities.SourceName).ToList();
        Assert.NotEmpty(processed);
        Assert.All(processed, p => Assert.Contains(traced, s => s.ParentSpanId == p.SpanId && s.DisplayName.StartsWith("DynamoDB.", StringComparison.Ordinal)));

        var report = (await Api.SendAsync("GET", $"/analytics/campaigns/{campaignId}", analyst)).Expect(200);
        var totals = Assert.Single(report.GetProperty("totals").EnumerateArray());
        Assert.Equal((1L, 20m, 100m), (totals.GetProperty("redemptions").GetInt64(), totals.GetProperty("discountGiven").GetDecimal(),
            totals.GetProperty("orderRevenue").GetDecimal()));
        Assert.Equal(6, report.GetProperty("codes").GetProperty("issued").GetInt64());
        Assert.Equal(20m, report.GetProperty("budget").GetProperty("used").GetDecimal());

        // A campaign without a plan: its redemption was recorded in no stage.
        var stages = (await Api.SendAsync("GET", $"/analytics/campaigns/{campaignId}/stages", analyst)).Expect(200);
        Assert.Empty(stages.GetProperty("stages").EnumerateArray());
        Assert.Equal(1L, Assert.Single(stages.GetProperty("noStage").EnumerateArray()).GetProperty("redemptions").GetInt64());
    }

    public static object Campaign()
    {
        var now = TimeProvider.System.GetUtcNow();
        return new
        {
            name = "Stack launch",
            description = "Deployed end to end",
            startsAt = now.AddHours(-1),
            endsAt = now.AddDays(30),
            owner = "team-stack",
            budget = new { amount = 500m, currency = "EUR" },
        };
    }

    public static object Order(string code) =>
        new { code, channel = "web", order = new { orderId = "order-" + code, currency = "EUR", lines = Lines } };

    private static Dictionary<string, string> IfMatch(HttpApiAnswer answer) =>
        new() { ["if-match"] = answer.Header("ETag") ?? throw new InvalidOperationException("no ETag: " + answer.Body) };

    /// <summary>Delivers the code-job queue to the Admin function, as its mapping does, until the job is done.</summary>
    private async Task<JsonElement> RunCodeJobAsync(string jobId, string token)
    {
        var source = await SqsSourceAsync("CodeJobsQueueToAdmin");
        for (var round = 0; ; round++)
        {
            var job = (await Api.SendAsync("GET", $"/admin/code-jobs/{jobId}", token)).Expect(200);
            if (job.GetProperty("state").GetString() is "completed" or "failed" || round == 10)
            {
                return job;
            }

            await source.PollAsync();
        }
    }

    /// <summary>Reads the main table's stream from its start, as the relay's mapping does; returns the records relayed.</summary>
    private async Task<int> DrainStreamAsync()
    {
        var (table, relay, mapping) = stack.EventSource("OutboxStreamToRelay");
        Assert.Equal("MainTable", table);
        Assert.Equal("TRIM_HORIZON", (string?)mapping["StartingPosition"]);
        // The filter StreamEventSource.OutboxInserts applies.
        Assert.Equal("{\"eventName\":[\"INSERT\"],\"dynamodb\":{\"Keys\":{\"pk\":{\"S\":[{\"prefix\":\"OUTBOX#\"}]}}}}",
            (string?)mapping["FilterCriteria"]!["Filters"]![0]!["Pattern"]);
        var endpoint = new Uri(stack.Stack.Emulator.Endpoint!);
        var streams = new DynamoDbStreamsClient(StreamsHttp, endpoint, Emulator.Region, stack.Credentials(relay.LogicalId));
        var target = relay.EventTarget();
        var source = new StreamEventSource(streams, stack.Stack.Outputs["MainTableStreamArn"], target)
        {
            BatchSize = (int)mapping["BatchSize"]!,
            MaximumRetryAttempts = (int)mapping["MaximumRetryAttempts"]!,
            Filter = StreamEventSource.OutboxInserts,
        };
        await source.DrainAsync();
        Assert.All(target.Invocations, i => Assert.False(i.Failed, $"the relay failed a batch: {i.Status} {i.Result}"));
        Assert.Equal(0, source.Dropped);
        return target.Invocations.Sum(i => i.Event["Records"]!.AsArray().Count);
    }

    /// <summary>Delivers the analytics queue to the Analytics function, as its mapping does, until it is empty.</summary>
    private async Task<(int Received, int Acknowledged)> DrainAnalyticsQueueAsync()
    {
        var (queue, _, _) = stack.EventSource("AnalyticsQueueToConsumer");
        Assert.Equal(stack.Stack.Outputs["AnalyticsQueueUrl"], stack.Stack.Functions["RedemptionFunction"]["Aws__EventQueues__analytics"]);
        Assert.Equal(stack.Stack.Outputs["AnalyticsQueueUrl"], stack.Stack.Resources[queue].Id);
        var source = await SqsSourceAsync("AnalyticsQueueToConsumer");
        var (received, acknowledged) = (0, 0);
        for (var round = 0; round < 50; round++)
        {
            var poll = await source.PollAsync();
            if (poll.Received.Count == 0)
            {
                break;
            }

            (received, acknowledged) = (received + poll.Received.Count, acknowledged + poll.Acknowledged.Count);
        }

        return (received, acknowledged);
    }

    /// <summary>A queue's event source mapping of the template, as Lambda runs it.</summary>
    private async Task<SqsEventSource> SqsSourceAsync(string mappingLogicalId)
    {
        var (queue, function, mapping) = stack.EventSource(mappingLogicalId);
        var url = stack.Stack.Resources[queue].Id!;
        var sqs = function.Services.GetRequiredService<IAmazonSQS>();
        var arn = (await sqs.GetQueueAttributesAsync(url, ["QueueArn"])).Attributes["QueueArn"];
        return new SqsEventSource(sqs, url, arn, Emulator.Region, function.EventTarget()) { BatchSize = (int)mapping["BatchSize"]! };
    }
}
