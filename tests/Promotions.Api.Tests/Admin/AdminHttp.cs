using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Promotions.Api.Tests.Admin;

/// <summary>Small HTTP helpers: JSON in and out, If-Match, and the parts of a problem tests look at.</summary>
internal static class AdminHttp
{
    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string path, object body, string? ifMatch = null) =>
        client.SendAsync(Json(HttpMethod.Post, path, body, ifMatch));

    public static Task<HttpResponseMessage> PutJson(this HttpClient client, string path, object body, string? ifMatch) =>
        client.SendAsync(Json(HttpMethod.Put, path, body, ifMatch));

    public static Task<HttpResponseMessage> Delete(this HttpClient client, string path, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Delete, path);
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return client.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJson(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts the status and returns the body, showing the body when the status is wrong.</summary>
    public static async Task<JsonElement> Expect(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Creates an item and returns its body and ETag.</summary>
    public static async Task<(JsonElement Body, string ETag)> Create(this HttpClient client, string path, object body)
    {
        var response = await client.PostJson(path, body);
        var json = await response.Expect(HttpStatusCode.Created);
        return (json, response.Headers.ETag!.ToString());
    }

    public static string Id(this JsonElement json) => json.GetProperty("id").GetString()!;

    /// <summary>The (code, path) pairs of a problem's errors.</summary>
    public static IReadOnlyList<(string Code, string? Path)> Errors(this JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e =>
            (e.GetProperty("code").GetString()!, e.TryGetProperty("path", out var p) ? p.GetString() : null))];

    public static string Code(this JsonElement problem) => problem.GetProperty("code").GetString()!;

    private static HttpRequestMessage Json(HttpMethod method, string path, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(ifMatch));
        }

        return request;
    }
}
