using System.Net;
using System.Text;
using System.Text.Json;

namespace Promotions.Api.Tests.Offers;

/// <summary>Reads JSON answers and problem details; bodies may be written with single quotes.</summary>
internal static class Http
{
    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string path, string json, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var content = new StringContent(json.Replace('\'', '"'), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content);
        return await ReadAsync(response, expected);
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response, expected);
    }

    /// <summary>The paths of a problem's errors.</summary>
    public static string[] ErrorPaths(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateArray().Select(e => e.TryGetProperty("path", out var p) ? p.GetString()! : "(none)").ToArray();

    public static string[] Strings(this JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToArray();

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(body);
    }
}
