using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Promotions.LocalHost.Demo;
using Promotions.ServiceDefaults.Telemetry;

namespace Promotions.Api.Tests.Telemetry;

/// <summary>Spans of real requests to the local host, collected by an in-memory exporter.</summary>
public sealed class TracingTests : IDisposable
{
    private const string TraceId = "5759e988bd862e3fe1be46a994272793";
    private const string ParentId = "53995c3f42cd8ad8";

    private readonly TelemetryHost _host = new();

    public void Dispose() => _host.Dispose();

    internal static string Cart(string channel = "web") => $$"""
        "channel":"{{channel}}","customerId":"{{DemoCatalog.Alice}}","codes":["summer20"],
        "cart":{"currency":"EUR","lines":[
          {"lineId":"1","sku":"SKU-SNEAKER-42","category":"shoes","quantity":1,"unitPrice":89.90},
          {"lineId":"2","sku":"SKU-SOCKS-3P","category":"socks","quantity":3,"unitPrice":9.50}]}
        """;

    internal static string Order(string orderId) =>
        "{" + Cart().Replace("\"cart\":{", $"\"order\":{{\"orderId\":\"{orderId}\",", StringComparison.Ordinal) + "}";

    [Fact]
    public async Task Checkout_WithAnXRayTraceHeader_ContinuesThatTraceAndExportsItsSpansBeforeAnswering()
    {
        var (response, body) = await _host.PostAsync("/redemptions", Order("order-trace-1"), new Dictionary<string, string>
        {
            ["X-Amzn-Trace-Id"] = $"Root=1-{TraceId[..8]}-{TraceId[8..]};Parent={ParentId};Sampled=1",
            ["Idempotency-Key"] = "trace-1",
        });

        // The host's exporter sees the spans of every host of the test process; this request's are those of its trace.
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var server = Assert.Single(_host.Exported, a => a.Kind == ActivityKind.Server && a.TraceId.ToHexString() == TraceId);
        Assert.Equal(ParentId, server.ParentSpanId.ToHexString());
        Assert.Equal("POST /redemptions/", server.DisplayName);
        Assert.Equal(201, server.GetTagItem("http.response.status_code"));
    }

    [Theory]
    [InlineData("Root=1-5e66d96f-7491f09xmpl79d18acf3d050")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793")]
    [InlineData("Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8zz;Sampled=1")]
    [InlineData("\u00e9\u00e9\u00e9;;;=")]
    public async Task Validate_WithAMalformedXRayTraceHeader_IgnoresItForTheTraceParent(string header)
    {
        var traceId = ActivityTraceId.CreateRandom().ToHexString();
        var (response, body) = await _host.PostAsync("/validate", "{" + Cart() + "}", new Dictionary<string, string>
        {
            ["X-Amzn-Trace-Id"] = header,
            ["traceparent"] = $"00-{traceId}-b7ad6b7169203331-01",
        });

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var server = Assert.Single(_host.Exported, a => a.Kind == ActivityKind.Server && a.TraceId.ToHexString() == traceId);
        Assert.Equal("b7ad6b7169203331", server.ParentSpanId.ToHexString());
    }

    [Fact]
    public async Task Validate_WithBothHeaders_PrefersTheXRayContextOverTraceParent()
    {
        var (response, body) = await _host.PostAsync("/validate", "{" + Cart() + "}", new Dictionary<string, string>
        {
            ["X-Amzn-Trace-Id"] = $"Root=1-{TraceId[..8]}-{TraceId[8..]};Parent={ParentId};Sampled=1",
            ["traceparent"] = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
        });

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Single(_host.Exported, a => a.Kind == ActivityKind.Server && a.TraceId.ToHexString() == TraceId);
        Assert.DoesNotContain(_host.Exported, a => a.TraceId.ToHexString() == "0af7651916cd43dd8448eb211c80319c");
    }

    [Fact]
    public async Task EventIngest_OfAnSqsRecordWithATraceParent_ProcessesItInAChildSpanOfThatTrace()
    {
        const string sender = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        var batch = JsonSerializer.Serialize(new
        {
            Records = new[]
            {
                new
                {
                    messageId = "m-trace-1",
                    body = """{"type":"unknown_kind","version":1,"eventId":"evt_1"}""",
                    attributes = new Dictionary<string, string> { ["ApproximateReceiveCount"] = "1" },
                    messageAttributes = new Dictionary<string, object> { ["traceparent"] = new { stringValue = sender, dataType = "String" } },
                    eventSourceARN = "arn:aws:sqs:us-east-1:123456789012:analytics",
                },
            },
        });

        var (response, body) = await _host.PostAsync("/events/analytics", batch);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var process = Assert.Single(_host.Exported, a => a.Source.Name == PromotionsActivities.SourceName && a.GetTagItem("messaging.message.id") as string == "m-trace-1");
        var server = Assert.Single(_host.Exported, a => a.Kind == ActivityKind.Server && a.Context == process.Links.Single().Context);
        Assert.Equal(("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"), (process.TraceId.ToHexString(), process.ParentSpanId.ToHexString()));
        Assert.Equal(("analytics process", ActivityKind.Consumer), (process.DisplayName, process.Kind));
        Assert.Equal("/events/analytics", server.GetTagItem("http.route"));
    }
}
