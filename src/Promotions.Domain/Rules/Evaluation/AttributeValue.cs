using System.Globalization;
using System.Text.Json;

namespace Promotions.Domain.Rules.Evaluation;

/// <summary>
/// One customer attribute, decoded once when the context is built so that evaluation compares typed
/// values instead of walking JSON.
/// </summary>
internal sealed class AttributeValue
{
    private readonly JsonElement _raw;

    private AttributeValue(AttributeKind kind, JsonElement raw)
    {
        Kind = kind;
        _raw = raw;
    }

    public static AttributeValue Missing { get; } = new(AttributeKind.Missing, default);

    public AttributeKind Kind { get; }

    public string? String { get; private init; }

    public decimal Number { get; private init; }

    public bool Boolean { get; private init; }

    public string[] Strings { get; private init; } = [];

    public decimal[] Numbers { get; private init; } = [];

    public static AttributeValue From(JsonElement json)
    {
        switch (json.ValueKind)
        {
            case JsonValueKind.String:
                return new(AttributeKind.String, json) { String = json.GetString() };
            case JsonValueKind.Number when json.TryGetDecimal(out var number):
                return new(AttributeKind.Number, json) { Number = number };
            case JsonValueKind.True or JsonValueKind.False:
                return new(AttributeKind.Boolean, json) { Boolean = json.GetBoolean() };
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return Missing;
            case JsonValueKind.Array:
                return FromArray(json);
            default:
                return new(AttributeKind.Other, json);
        }
    }

    /// <summary>The value as JSON text and its type, for explanations.</summary>
    public string Describe() => Kind switch
    {
        AttributeKind.Missing => RuleText.Missing,
        AttributeKind.Number => Number.ToString(CultureInfo.InvariantCulture),
        _ => _raw.GetRawText(),
    };

    public string TypeName => Kind switch
    {
        AttributeKind.String => "string",
        AttributeKind.Number => "number",
        AttributeKind.Boolean => "boolean",
        AttributeKind.List => "list",
        _ => _raw.ValueKind == JsonValueKind.Array ? "list of objects or booleans" : "object",
    };

    private static AttributeValue FromArray(JsonElement json)
    {
        var strings = new List<string>();
        var numbers = new List<decimal>();
        foreach (var item in json.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                strings.Add(item.GetString()!);
            }
            else if (item.ValueKind == JsonValueKind.Number && item.TryGetDecimal(out var number))
            {
                numbers.Add(number);
            }
            else
            {
                return new(AttributeKind.Other, json);
            }
        }

        return new(AttributeKind.List, json) { Strings = [.. strings], Numbers = [.. numbers] };
    }
}
