using System.Net;
using System.Text.Json;

namespace Promotions.Api.Tests.Telemetry;

/// <summary>
/// The EMF lines of real requests, checked against the embedded metric format's specification: <c>_aws.Timestamp</c>
/// in epoch milliseconds; <c>_aws.CloudWatchMetrics</c> entries with a <c>Namespace</c>, <c>Dimensions</c> (arrays of
/// at most 30 names) and <c>Metrics</c> (a <c>Name</c> and a CloudWatch <c>Unit</c>); every dimension a top-level string
/// member and every metric a top-level number.
/// </summary>
public sealed class EmfTests : IDisposable
{
    private static readonly HashSet<string> Units = ["Count", "Milliseconds", "None", "Seconds", "Bytes", "Percent"];

    private readonly TelemetryHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Checkout_ThenAQuoteAndAParkedEvent_WriteOneValidEmfLinePerFact()
    {
        var redeemed = await _host.PostAsync("/redemptions", TracingTests.Order("order-emf-1"), new Dictionary<string, string> { ["Idempotency-Key"] = "emf-1" });
        var replayed = await _host.PostAsync("/redemptions", TracingTests.Order("order-emf-1"), new Dictionary<string, string> { ["Idempotency-Key"] = "emf-1" });
        var quoted = await _host.PostAsync("/validate", "{" + TracingTests.Cart("mobile_app") + "}");
        var parked = await _host.PostAsync("/events/analytics",
            """{"Records":[{"messageId":"m-9","body":"{\"type\":\"from_the_future\",\"version\":3,\"eventId\":\"evt_9\"}"}]}""");

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.OK),
            (redeemed.Response.StatusCode, replayed.Response.StatusCode, quoted.Response.StatusCode, parked.Response.StatusCode));
        var lines = _host.EmfLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.All(lines, AssertValidEmf);

        // The local host is one process, so one service; on AWS each function names its own. One redemption (the replay records nothing), two checkout requests, one quote, one parked event.
        var redemption = Assert.Single(lines, l => l.TryGetProperty("Redemptions", out _));
        var order = JsonDocument.Parse(redeemed.Body).RootElement;
        Assert.Equal(("local-host", "web", "EUR"), (Text(redemption, "service"), Text(redemption, "channel"), Text(redemption, "currency")));
        Assert.Equal(order.GetProperty("discount").GetDecimal(), redemption.GetProperty("DiscountCost").GetDecimal());
        Assert.Equal(
            order.GetProperty("applied").EnumerateArray().Select(a => a.GetProperty("promotionId").GetString()).Order(),
            redemption.GetProperty("promotionIds").EnumerateArray().Select(p => p.GetString()).Order());
        Assert.NotEmpty(redemption.GetProperty("campaignIds").EnumerateArray());
        Assert.DoesNotContain(Dimensions(redemption), d => d.Contains("campaignIds") || d.Contains("promotionIds"));

        var checkouts = lines.Where(l => l.TryGetProperty("CheckoutRequests", out _)).ToList();
        Assert.Equal([201, 201], checkouts.Select(c => c.GetProperty("status").GetInt32()));
        Assert.All(checkouts, c => Assert.Equal(0, c.GetProperty("CheckoutErrors").GetInt32()));
        Assert.Equal([["service"]], Dimensions(checkouts[0]));

        var quote = Assert.Single(lines, l => l.TryGetProperty("QuoteLatency", out _));
        Assert.Equal(("local-host", "mobile_app"), (Text(quote, "service"), Text(quote, "channel")));

        var park = Assert.Single(lines, l => l.TryGetProperty("EventsParked", out _));
        Assert.Equal(("local-host", "unreadable_version", "m-9"), (Text(park, "service"), Text(park, "reason"), Text(park, "messageId")));
    }

    [Fact]
    public async Task Checkout_RefusedForAnUnknownCode_CountsTheRefusalByReason()
    {
        var order = TracingTests.Order("order-emf-2").Replace("summer20", "NOSUCHCODE1", StringComparison.Ordinal);

        var refused = await _host.PostAsync("/redemptions", order, new Dictionary<string, string> { ["Idempotency-Key"] = "emf-2" });

        Assert.True((int)refused.Response.StatusCode is >= 400 and < 500, refused.Body);
        var line = Assert.Single(_host.EmfLines.Select(l => JsonDocument.Parse(l).RootElement), l => l.TryGetProperty("RedemptionRefusals", out _));
        AssertValidEmf(line);
        Assert.Equal(JsonDocument.Parse(refused.Body).RootElement.GetProperty("code").GetString(), Text(line, "reason"));
        Assert.Equal([["service", "reason"], ["service", "channel"]], Dimensions(line));
        Assert.DoesNotContain(_host.EmfLines, l => l.Contains("\"Redemptions\"", StringComparison.Ordinal));
    }

    private static void AssertValidEmf(JsonElement line)
    {
        var aws = line.GetProperty("_aws");
        var timestamp = aws.GetProperty("Timestamp").GetInt64();
        Assert.InRange(timestamp, TimeProvider.System.GetUtcNow().AddMinutes(-5).ToUnixTimeMilliseconds(), TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds());
        var directives = aws.GetProperty("CloudWatchMetrics").EnumerateArray().ToList();
        Assert.NotEmpty(directives);
        foreach (var directive in directives)
        {
            Assert.Equal("Promotions/test", directive.GetProperty("Namespace").GetString());
            foreach (var set in directive.GetProperty("Dimensions").EnumerateArray())
            {
                Assert.InRange(set.GetArrayLength(), 1, 30);
                Assert.All(set.EnumerateArray(), d => Assert.Equal(JsonValueKind.String, line.GetProperty(d.GetString()!).ValueKind));
            }

            foreach (var metric in directive.GetProperty("Metrics").EnumerateArray())
            {
                Assert.Contains(metric.GetProperty("Unit").GetString()!, Units);
                Assert.Equal(JsonValueKind.Number, line.GetProperty(metric.GetProperty("Name").GetString()!).ValueKind);
            }
        }

        Assert.Matches("^[0-9a-f]{32}$", Text(line, "traceId"));
    }

    private static string? Text(JsonElement line, string name) => line.GetProperty(name).GetString();

    private static List<List<string>> Dimensions(JsonElement line) =>
        [.. line.GetProperty("_aws").GetProperty("CloudWatchMetrics").EnumerateArray()
            .SelectMany(d => d.GetProperty("Dimensions").EnumerateArray())
            .Select(set => set.EnumerateArray().Select(d => d.GetString()!).ToList())];
}
