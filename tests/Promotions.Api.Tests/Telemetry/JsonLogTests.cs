using System.Net;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Promotions.Api.Tests.Telemetry;

/// <summary>The <c>json-trace</c> log lines of real requests, at the services' own levels.</summary>
public sealed class JsonLogTests(ITestOutputHelper output) : IDisposable
{
    private readonly TelemetryHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Log_OfAFailedMessage_IsOneJsonLineWithTheMessagesTraceId()
    {
        const string sender = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        var batch = """{"Records":[{"messageId":"m-bad","body":"not an envelope","messageAttributes":{"traceparent":{"stringValue":"SENDER","dataType":"String"}}}]}"""
            .Replace("SENDER", sender, StringComparison.Ordinal);

        var (response, body) = await _host.PostAsync("/events/analytics", batch);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var line = Assert.Single(_host.LogLines, l => l.Contains("m-bad", StringComparison.Ordinal));
        Assert.EndsWith("\n", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line.TrimEnd('\n'));
        var json = JsonDocument.Parse(line).RootElement;
        Assert.Equal(("warn", "m-bad"), (json.GetProperty("level").GetString(), json.GetProperty("MessageId").GetString()));
        Assert.Equal("4bf92f3577b34da6a3ce929d0e0e4736", json.GetProperty("traceId").GetString());
        Assert.Matches("^[0-9a-f]{16}$", json.GetProperty("spanId").GetString());
        Assert.Equal("Message m-bad is not an event envelope", json.GetProperty("message").GetString());
        Assert.True(json.TryGetProperty("time", out _) && json.TryGetProperty("category", out _));
    }

    /// <summary>
    /// What a checkout logs at the default levels, for the cost of logs (docs/deploy.md): its log lines (none on
    /// success) and its EMF lines. Printed for the record; asserted loosely enough to hold as the code grows a little.
    /// </summary>
    [Fact]
    public async Task Checkout_AtTheDefaultLevels_LogsNoLineAndTwoEmfLinesUnderTwoKilobytes()
    {
        await _host.PostAsync("/validate", "{" + TracingTests.Cart() + "}");
        var logsBefore = _host.LogLines.Count;
        var emfBefore = _host.EmfLines.Count;

        var (response, body) = await _host.PostAsync("/redemptions", TracingTests.Order("order-log-1"), new Dictionary<string, string> { ["Idempotency-Key"] = "log-1" });

        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        var logs = _host.LogLines.Skip(logsBefore).ToList();
        var emf = _host.EmfLines.Skip(emfBefore).ToList();
        var emfBytes = emf.Sum(l => Encoding.UTF8.GetByteCount(l) + 1);
        output.WriteLine($"checkout: {logs.Count} log line(s), {emf.Count} EMF line(s) of {emfBytes} bytes");
        emf.ForEach(output.WriteLine);
        Assert.Empty(logs);
        Assert.Equal(2, emf.Count);
        Assert.InRange(emfBytes, 300, 2048);
    }
}
