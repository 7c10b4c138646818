using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace Promotions.Aws.Dynamo;

/// <summary>Attribute values in and out: the few shapes the adapters use, so items read like their design table.</summary>
internal static class Attr
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static AttributeValue Bool(bool value) => new() { BOOL = value };

    /// <summary>A list of strings (a list, not a string set: a set cannot be empty, and order is kept).</summary>
    public static AttributeValue List(IEnumerable<string> values) => new() { L = [.. values.Select(S)] };

    public static string? GetS(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static long? GetN(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } n ? long.Parse(n, CultureInfo.InvariantCulture) : null;

    public static bool? GetBool(this Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.BOOL : null;

    /// <summary>The primary key of an item.</summary>
    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new()
    {
        [TableLayout.Pk] = S(pk),
        [TableLayout.Sk] = S(sk),
    };
}
