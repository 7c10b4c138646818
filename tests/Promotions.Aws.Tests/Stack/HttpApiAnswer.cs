using System.Text.Json;
using System.Text.Json.Nodes;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// What the HTTP API answered <paramref name="Request"/> (<c>METHOD path</c>): the function's Lambda response, or API
/// Gateway's own 404 when no route matched.
/// </summary>
public sealed record HttpApiAnswer(string Request, int Status, JsonObject Headers, string Body)
{
    public string? Header(string name) => (string?)Headers[name.ToLowerInvariant()];

    /// <summary>The JSON body, after asserting the status (the body is in the message when it differs).</summary>
    public JsonElement Expect(int status)
    {
        Assert.True(Status == status, $"{Request}: expected {status}, got {Status}: {Body}");
        return Body.Length == 0 ? default : JsonDocument.Parse(Body).RootElement.Clone();
    }
}
