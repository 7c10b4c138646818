using System.Reflection;
using System.Text;
using System.Text.Json;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// Malformed JSON bodies for an endpoint: broken documents, wrong shapes, oversized and over-deep input,
/// bad bytes and content types, and for each member of its request record, values of the wrong type.
/// </summary>
internal static class HostileBodies
{
    private static readonly byte[] TwoMegabytes = Encoding.UTF8.GetBytes($"{{\"name\":\"{new string('a', 2 * 1024 * 1024)}\"}}");

    public static IEnumerable<HostileCase> For(ApiEndpoint endpoint, string url)
    {
        var at = $"{endpoint.Method} {endpoint.Pattern}";
        yield return HostileCase.Json($"{at} truncated JSON", endpoint.Method, url, "{\"name\": \"half");
        yield return HostileCase.Json($"{at} array for object", endpoint.Method, url, "[{\"name\":\"x\"}]");
        yield return HostileCase.Json($"{at} null body", endpoint.Method, url, "null");
        yield return HostileCase.Json($"{at} empty body", endpoint.Method, url, "");
        yield return HostileCase.Json($"{at} unknown member", endpoint.Method, url, "{\"zzUnknownMember\": 1}");
        yield return HostileCase.Json($"{at} trailing garbage", endpoint.Method, url, "{} {}");
        yield return HostileCase.Json($"{at} 100-deep nesting", endpoint.Method, url, Deep(100));
        yield return new HostileCase($"{at} 2 MB body", endpoint.Method, url, TwoMegabytes);
        yield return new HostileCase($"{at} invalid UTF-8", endpoint.Method, url, [(byte)'{', (byte)'"', 0xC3, 0x28, 0xFF, 0xFE, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        yield return new HostileCase($"{at} text/plain", endpoint.Method, url, Encoding.UTF8.GetBytes("{}"), "text/plain");
        yield return new HostileCase($"{at} no content type", endpoint.Method, url, Encoding.UTF8.GetBytes("{}"), null);
        yield return new HostileCase($"{at} xml", endpoint.Method, url, Encoding.UTF8.GetBytes("<a>1</a>"), "application/xml");

        foreach (var member in Members(endpoint.BodyType))
        {
            foreach (var (label, value) in WrongValues(member.Type))
            {
                yield return HostileCase.Json($"{at} {member.Name} {label}", endpoint.Method, url, $"{{\"{member.Name}\": {value}}}");
            }

            // A null member is a legal "not given" for optional members; sent only where a dummy id keeps it from creating anything.
            if (endpoint.RouteParameters.Count > 0)
            {
                yield return HostileCase.Json($"{at} {member.Name} null", endpoint.Method, url, $"{{\"{member.Name}\": null}}");
            }
        }
    }

    /// <summary>A value nested <paramref name="depth"/> levels deep, past the serializer's limit of 64.</summary>
    public static string Deep(int depth) => $"{{\"a\":{string.Concat(Enumerable.Repeat("[", depth))}1{string.Concat(Enumerable.Repeat("]", depth))}}}";

    private static IEnumerable<(string Name, Type Type)> Members(Type? body)
    {
        if (body is null || body == typeof(string) || body == typeof(JsonElement))
        {
            return [];
        }

        var constructor = body.GetConstructors(BindingFlags.Public | BindingFlags.Instance).MaxBy(c => c.GetParameters().Length);
        return constructor?.GetParameters().Select(p => (JsonNamingPolicy.CamelCase.ConvertName(p.Name!), p.ParameterType)) ?? [];
    }

    private static IEnumerable<(string Label, string Json)> WrongValues(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return [("number for string", "12345"), ("object for string", "{\"a\":1}"), ("array for string", "[\"a\"]")];
        }

        if (t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double))
        {
            return [("string for number", "\"abc\""), ("huge number", "1e400"), ("huge integer", "123456789012345678901234567890"), ("boolean for number", "true")];
        }

        if (t == typeof(bool))
        {
            return [("string for boolean", "\"yes\""), ("number for boolean", "1")];
        }

        if (t.IsEnum)
        {
            return [("unknown enum value", "\"no_such_value\""), ("integer for enum", "1")];
        }

        if (t == typeof(DateTimeOffset) || t == typeof(DateTime))
        {
            return [("bad date", "\"yesterday\""), ("number for date", "1700000000")];
        }

        if (t == typeof(JsonElement))
        {
            return [("string for document", "\"not a document\""), ("100-deep document", Deep(100)), ("array for document", "[1,2,3]")];
        }

        if (t.IsArray || (t.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)))
        {
            return [("object for array", "{\"a\":1}"), ("string for array", "\"x\""), ("array of numbers", "[1, 2]")];
        }

        return [("array for object", "[]"), ("string for object", "\"x\""), ("unknown nested member", "{\"zzUnknownMember\":1}")];
    }
}
