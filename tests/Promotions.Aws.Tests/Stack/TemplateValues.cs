using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Promotions.Aws.Tests.Stack;

/// <summary>
/// Values of the translated template resolved as CloudFormation resolves them, for what the tests create
/// themselves because moto's CloudFormation keeps it as a placeholder (the Cognito resources): <c>Ref</c> and
/// <c>Fn::Sub</c> against the names given. Any other reference fails, so nothing the stack should have given
/// is filled in by the test.
/// </summary>
internal static partial class TemplateValues
{
    /// <summary>The resources of the translated template, by logical id.</summary>
    public static JsonObject Resources(JsonElement template) =>
        JsonNode.Parse(template.GetProperty("Resources").GetRawText())!.AsObject();

    /// <summary>The parameters at their defaults and the pseudo parameters of a stack named <paramref name="stackName"/>.</summary>
    public static Dictionary<string, string> Defaults(JsonElement template, string stackName)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS::StackName"] = stackName,
            ["AWS::Region"] = Support.Emulator.Region,
            ["AWS::AccountId"] = "123456789012",
            ["AWS::Partition"] = "aws",
            ["AWS::URLSuffix"] = "amazonaws.com",
        };
        if (template.TryGetProperty("Parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateObject())
            {
                if (parameter.Value.TryGetProperty("Default", out var value))
                {
                    names[parameter.Name] = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                }
            }
        }

        return names;
    }

    public static JsonNode? Resolve(JsonNode? node, IReadOnlyDictionary<string, string> names) => node switch
    {
        JsonObject o when o.Count == 1 && o["Ref"] is JsonValue name => JsonValue.Create(Lookup(name.GetValue<string>(), names)),
        JsonObject o when o.Count == 1 && o["Fn::Sub"] is JsonValue text =>
            JsonValue.Create(Placeholder().Replace(text.GetValue<string>(), m => Lookup(m.Groups[1].Value, names))),
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Resolve(p.Value, names)))),
        JsonArray a => new JsonArray([.. a.Select(v => Resolve(v, names))]),
        _ => node?.DeepClone(),
    };

    /// <summary>A value as text: strings as they are, anything else as JSON.</summary>
    public static string Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node?.ToJsonString() ?? "";

    private static string Lookup(string name, IReadOnlyDictionary<string, string> names) =>
        names.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"'{name}' is not something the test creates: the stack itself must resolve it.");

    [GeneratedRegex(@"\$\{([^}]+)\}")]
    private static partial Regex Placeholder();
}
