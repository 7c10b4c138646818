using System.Net.Http.Json;
using Promotions.LocalHost.Demo;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// Well-formed requests that the domain must refuse: unknown rule facts and effect types, and lifecycle moves
/// the state machine forbids, on the seeded demo items with their current ETags (plus stale and missing ones).
/// </summary>
internal static class SemanticCases
{
    private const string ValidEffect = """{"type":"percent_off","percent":10}""";

    public static async Task<IReadOnlyList<HostileCase>> BuildAsync(HttpClient admin)
    {
        var cases = new List<HostileCase>
        {
            HostileCase.Json("promotion with an unknown rule fact", "POST", "/admin/promotions",
                Promotion(ValidEffect, """{"fact":"customer.shoe_size","op":"eq","value":42}""")),
            HostileCase.Json("promotion with an unknown operator", "POST", "/admin/promotions",
                Promotion(ValidEffect, """{"fact":"cart.subtotal","op":"approximately","value":42}""")),
            HostileCase.Json("promotion with a rule 11 levels deep", "POST", "/admin/promotions",
                Promotion(ValidEffect, string.Concat(Enumerable.Repeat("{\"not\":", 11)) + """{"fact":"cart.subtotal","op":"gte","value":1}""" + new string('}', 11))),
            HostileCase.Json("promotion with an unknown effect type", "POST", "/admin/promotions",
                Promotion("""{"type":"infinite_money"}""", """{"fact":"cart.subtotal","op":"gte","value":1}""")),
            HostileCase.Json("promotion with a negative percent", "POST", "/admin/promotions",
                Promotion("""{"type":"percent_off","percent":-50}""", """{"fact":"cart.subtotal","op":"gte","value":1}""")),
            HostileCase.Json("segment with an unknown fact", "POST", "/admin/segments",
                """{"name":"x","criteria":{"fact":"customer.favorite_color","op":"eq","value":"red"}}"""),
            HostileCase.Json("segment with SQL in a fact name", "POST", "/admin/segments",
                """{"name":"x","criteria":{"fact":"customer.attributes.x'; DROP TABLE segments; --","op":"eq","value":"red"}}"""),
        };

        foreach (var (what, id) in new[]
        {
            ("campaigns", DemoCatalog.SummerCampaign),
            ("promotions", DemoPromotions.SummerTenPercent),
        })
        {
            var url = $"/admin/{what}/{id}/lifecycle";
            var etag = await CurrentETagAsync(admin, $"/admin/{what}/{id}");
            foreach (var action in new[] { "schedule", "archive", "activate" })
            {
                cases.Add(HostileCase.Json($"{what} active → {action}", "POST", url, $$"""{"action":"{{action}}"}""", etag));
            }

            cases.Add(HostileCase.Json($"{what} unknown action", "POST", url, """{"action":"teleport"}""", etag));
            cases.Add(HostileCase.Json($"{what} stale If-Match", "POST", url, """{"action":"pause"}""", "\"999\""));
            cases.Add(HostileCase.Json($"{what} weak If-Match", "POST", url, """{"action":"pause"}""", "W/\"1\""));
            cases.Add(HostileCase.Json($"{what} missing If-Match", "POST", url, """{"action":"pause"}"""));
            cases.Add(new HostileCase($"{what} delete while active", "DELETE", $"/admin/{what}/{id}", null, null, etag));
        }

        return cases;
    }

    private static string Promotion(string effect, string condition) => $$"""
        {"campaignId":"{{DemoCatalog.SummerCampaign}}","name":"hostile","kind":"automatic","effect":{{effect}},
         "rules":[{"condition":{{condition}}}]}
        """;

    public static async Task<string> CurrentETagAsync(HttpClient admin, string url)
    {
        using var response = await admin.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        _ = await response.Content.ReadFromJsonAsync<object>();
        return response.Headers.ETag?.ToString() ?? throw new InvalidOperationException($"{url} returned no ETag.");
    }
}
