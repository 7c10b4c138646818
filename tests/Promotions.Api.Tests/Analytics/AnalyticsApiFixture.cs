using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Analytics;

/// <summary>
/// The Analytics service on its own, over real HTTP, on SQLite in a fresh temp folder removed afterwards.
/// Events arrive through the SQS pass-through endpoint, as on AWS.
/// </summary>
public sealed class AnalyticsApiFixture : WebApplicationFactory<Promotions.Analytics.Program>
{
    private readonly string _signingKey = DevTokens.NewSigningKey();

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "promotions-analytics-tests-" + Guid.NewGuid().ToString("N"));

    public HttpClient As(params string[] roles)
    {
        var client = CreateClient();
        var token = DevTokens.Create(new AuthOptions { SigningKey = _signingKey }, "analytics-tests", roles, [], TimeProvider.System);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>An SQS batch event whose records carry <paramref name="events"/> (message ids m0, m1, …).</summary>
    public static object Batch(params DomainEvent[] events) =>
        Records([.. events.Select(EventEnvelope.Write)]);

    /// <summary>An SQS batch event of raw bodies, with the members SQS sends beside them.</summary>
    public static object Records(params string[] bodies) => new Dictionary<string, object>
    {
        ["Records"] = bodies.Select((body, i) => new Dictionary<string, object>
        {
            ["messageId"] = $"m{i}",
            ["receiptHandle"] = "handle",
            ["body"] = body,
            ["attributes"] = new Dictionary<string, string> { ["ApproximateReceiveCount"] = "1" },
            ["eventSource"] = "aws:sqs",
        }).ToArray(),
    };

    public static async Task<JsonElement> PostBatch(HttpClient client, object batch)
    {
        var response = await client.PostAsJsonAsync("/events/analytics", batch);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:SigningKey", _signingKey);
        builder.UseSetting("Embedded:DataDirectory", DataDirectory);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
