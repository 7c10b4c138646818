using System.Text.Json;

namespace Promotions.Domain.Rules.Evaluation;

/// <summary>Flattens a customer's attribute object to dotted paths (<c>loyalty.tier</c>) once per context.</summary>
internal static class AttributeFlattener
{
    // Attribute documents are customer data; bound the walk so a hostile document cannot blow the stack.
    private const int MaxDepth = 32;

    public static Dictionary<string, AttributeValue> Flatten(JsonElement? attributes)
    {
        var result = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        if (attributes is { ValueKind: JsonValueKind.Object } root)
        {
            Walk(root, prefix: null, depth: 0, result);
        }

        return result;
    }

    private static void Walk(JsonElement json, string? prefix, int depth, Dictionary<string, AttributeValue> result)
    {
        foreach (var property in json.EnumerateObject())
        {
            var path = prefix is null ? property.Name : $"{prefix}.{property.Name}";
            var value = AttributeValue.From(property.Value);
            if (value.Kind != AttributeKind.Missing)
            {
                result[path] = value;
            }

            if (property.Value.ValueKind == JsonValueKind.Object && depth < MaxDepth)
            {
                Walk(property.Value, path, depth + 1, result);
            }
        }
    }
}
