using System.Text.Json;
using Promotions.LocalHost.Demo;
using Xunit.Abstractions;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// Hundreds of malformed and hostile requests, generated over every endpoint of the host: none may fail
/// with a 5xx, every 4xx must be a ProblemDetails with a <c>code</c>, and the database must be byte-for-byte
/// unchanged after each one.
/// </summary>
public sealed class HostileRequestTests(ITestOutputHelper output) : IDisposable
{
    private readonly LocalHostFactory _factory = new(demo: true);

    [Fact]
    public async Task HostileRequests_NeverFailTheServer_AlwaysExplain_AndStoreNothing()
    {
        using var admin = _factory.Admin();
        var endpoints = ApiEndpoint.All(_factory.Services);
        var cases = HostileCases.Generate(endpoints).Concat(await SemanticCases.BuildAsync(admin)).ToList();
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();

        // The demo data and the semantic cases' setup write events; their delivery must not land inside a request.
        await StoreSnapshot.WaitForDispatchAsync(_factory.DatabasePath);

        foreach (var hostile in cases)
        {
            var before = StoreSnapshot.Take(_factory.DatabasePath);
            using var request = hostile.ToRequest();
            using var response = await admin.SendAsync(request);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            var changed = StoreSnapshot.Changed(before, StoreSnapshot.Take(_factory.DatabasePath));

            if (status >= 500)
            {
                failures.Add($"{hostile} → {status}");
            }
            else if (status >= 400 && !IsProblemWithCode(response, body))
            {
                failures.Add($"{hostile} → {status} without a problem code: {response.Content.Headers.ContentType} {Clip(body)}");
            }

            if (changed.Count > 0)
            {
                failures.Add($"{hostile} → {status} changed {string.Join(", ", changed)}");
            }
        }

        output.WriteLine($"{cases.Count} hostile requests; statuses: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(cases.Count >= 200, $"Only {cases.Count} hostile requests were generated.");
        Assert.True(statuses.Keys.Any(s => s is >= 400 and < 500), "No request was refused: the cases do not reach the endpoints.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} hostile requests failed:\n{string.Join('\n', failures)}");
    }

    [Fact]
    public async Task OverflowingAmounts_AreRefusedNamingTheirPath_AndStoreNothing()
    {
        using var admin = _factory.Admin();
        var cases = MoneyCases.Build(
            await SemanticCases.CurrentETagAsync(admin, $"/admin/campaigns/{DemoCatalog.SummerCampaign}"),
            await SemanticCases.CurrentETagAsync(admin, $"/admin/promotions/{DemoPromotions.SummerTenPercent}"));
        var failures = new List<string>();
        await StoreSnapshot.WaitForDispatchAsync(_factory.DatabasePath);

        foreach (var money in cases)
        {
            var before = StoreSnapshot.Take(_factory.DatabasePath);
            using var request = money.ToHostile().ToRequest();
            using var response = await admin.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var changed = StoreSnapshot.Changed(before, StoreSnapshot.Take(_factory.DatabasePath));
            if ((int)response.StatusCode != 400 || !IsProblemWithCode(response, body) || !Paths(body).Contains(money.Path))
            {
                failures.Add($"{money.Name}: {money.Method} {money.Url} → {(int)response.StatusCode}, expected 400 at {money.Path}: {Clip(body)}");
            }

            if (changed.Count > 0)
            {
                failures.Add($"{money.Name} changed {string.Join(", ", changed)}");
            }
        }

        output.WriteLine($"{cases.Count} requests with overflowing amounts");
        Assert.True(cases.Count >= 50, $"Only {cases.Count} cases.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} requests were not refused at their path:\n{string.Join('\n', failures)}");
    }

    public void Dispose() => _factory.Dispose();

    private static List<string?> Paths(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array
            ? [.. errors.EnumerateArray().Select(e => e.TryGetProperty("path", out var p) ? p.GetString() : null)]
            : [];
    }

    private static bool IsProblemWithCode(HttpResponseMessage response, string body)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
            && !string.IsNullOrEmpty(code.GetString());
    }

    private static string Clip(string body) => body.Length > 200 ? body[..200] : body;
}
