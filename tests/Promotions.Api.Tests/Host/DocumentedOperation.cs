using System.Text.Json;

namespace Promotions.Api.Tests.Host;

/// <summary>One operation of an OpenAPI document, as served.</summary>
internal sealed record DocumentedOperation(string Method, string Path, JsonElement Body)
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    public string Id => Body.TryGetProperty("operationId", out var id) ? id.GetString()! : ToString();

    public IEnumerable<(string Status, JsonElement Response)> Responses =>
        Body.GetProperty("responses").EnumerateObject().Select(r => (r.Name, r.Value));

    public bool HasBody => Body.TryGetProperty("requestBody", out _);

    public IEnumerable<JsonElement> Parameters =>
        Body.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : [];

    public bool HasQuery => Parameters.Any(p => p.GetProperty("in").GetString() == "query");

    public JsonElement? Response(string status) =>
        Body.GetProperty("responses").TryGetProperty(status, out var response) ? response : null;

    /// <summary>The required header parameter <paramref name="name"/>, if declared.</summary>
    public bool RequiresHeader(string name) => Parameters.Any(p =>
        p.GetProperty("in").GetString() == "header" && p.GetProperty("name").GetString() == name
        && p.TryGetProperty("required", out var required) && required.GetBoolean());

    public override string ToString() => $"{Method.ToUpperInvariant()} {Path}";

    public static IReadOnlyList<DocumentedOperation> All(JsonElement document) =>
        [.. document.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(m => Methods.Contains(m.Name))
            .Select(m => new DocumentedOperation(m.Name, path.Name, m.Value)))];
}
