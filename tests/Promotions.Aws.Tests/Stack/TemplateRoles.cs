using System.Text.Json;

namespace Promotions.Aws.Tests.Stack;

/// <summary>The inline statements of a function's role in the translated template (SAM names it <c>&lt;Function&gt;Role</c>).</summary>
internal static class TemplateRoles
{
    public static readonly string[] Functions = ["AdminFunction", "PromotionApiFunction", "ValidationFunction", "RedemptionFunction", "AnalyticsFunction"];

    public static JsonElement Role(JsonElement template, string function) =>
        template.GetProperty("Resources").GetProperty(function + "Role").GetProperty("Properties");

    /// <summary>Each Allow statement: its actions, its resources as raw JSON, and its condition (default when none).</summary>
    public static IEnumerable<(List<string> Actions, List<string> Resources, JsonElement Condition)> Statements(JsonElement template, string function)
    {
        foreach (var policy in Role(template, function).GetProperty("Policies").EnumerateArray())
        {
            foreach (var statement in policy.GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray())
            {
                Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
                var action = statement.GetProperty("Action");
                var actions = action.ValueKind == JsonValueKind.Array ? action.EnumerateArray().Select(a => a.GetString()!).ToList() : [action.GetString()!];
                var resource = statement.GetProperty("Resource");
                var resources = resource.ValueKind == JsonValueKind.Array ? resource.EnumerateArray().Select(r => r.GetRawText()).ToList() : [resource.GetRawText()];
                yield return (actions, resources, statement.TryGetProperty("Condition", out var condition) ? condition : default);
            }
        }
    }

    /// <summary>The actions a function's role allows on a resource of the template (named by its logical id), its ARN or anything under it.</summary>
    public static HashSet<string> CanOn(JsonElement template, string function, string logicalId) =>
        [.. Statements(template, function).Where(s => s.Resources.Any(r => Names(r, logicalId))).SelectMany(s => s.Actions)];

    /// <summary>Whether a raw resource names the logical id, by <c>GetAtt</c>/<c>Ref</c> or in a <c>Sub</c>.</summary>
    public static bool Names(string rawResource, string logicalId) =>
        rawResource.Contains($"\"{logicalId}\"", StringComparison.Ordinal) || rawResource.Contains("${" + logicalId + ".", StringComparison.Ordinal);
}
