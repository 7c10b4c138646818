using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Events.Lambda;

/// <summary>
/// Images of stream records, which are DynamoDB JSON (<c>{"S":"…"}</c>, <c>{"N":"12"}</c>, <c>{"M":{…}}</c>, …),
/// turned into the SDK's attribute values, so an item reads the same from a stream as from the table. Binary
/// values are left out: no item of the main table holds one.
/// </summary>
internal static class StreamImages
{
    /// <summary>The item of an image; an attribute whose value is not DynamoDB JSON (or is binary) is left out.</summary>
    public static Dictionary<string, AttributeValue> ToItem(Dictionary<string, JsonElement> image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var item = new Dictionary<string, AttributeValue>(image.Count, StringComparer.Ordinal);
        foreach (var (name, value) in image)
        {
            if (ToValue(value) is { } attribute)
            {
                item[name] = attribute;
            }
        }

        return item;
    }

    private static AttributeValue? ToValue(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var member in value.EnumerateObject())
        {
            var v = member.Value;
            AttributeValue? attribute = (member.Name, v.ValueKind) switch
            {
                ("S", JsonValueKind.String) => new AttributeValue { S = v.GetString() },
                ("N", JsonValueKind.String) => new AttributeValue { N = v.GetString() },
                ("BOOL", JsonValueKind.True or JsonValueKind.False) => new AttributeValue { BOOL = v.GetBoolean() },
                ("NULL", _) => new AttributeValue { NULL = true },
                ("SS", JsonValueKind.Array) => new AttributeValue { SS = [.. v.EnumerateArray().Select(e => e.GetString() ?? "")] },
                ("NS", JsonValueKind.Array) => new AttributeValue { NS = [.. v.EnumerateArray().Select(e => e.GetString() ?? "")] },
                ("L", JsonValueKind.Array) => new AttributeValue { L = [.. v.EnumerateArray().Select(e => ToValue(e) ?? new AttributeValue { NULL = true })] },
                ("M", JsonValueKind.Object) => new AttributeValue { M = ToItem(v.Deserialize(LambdaEventJson.Default.DictionaryStringJsonElement) ?? []) },
                _ => null,
            };
            if (attribute is not null)
            {
                return attribute;
            }
        }

        return null;
    }
}
