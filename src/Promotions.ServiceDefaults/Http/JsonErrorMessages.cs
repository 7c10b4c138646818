using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Promotions.ServiceDefaults.Http;

/// <summary>
/// The message of a request-binding error in the client's terms. System.Text.Json and minimal APIs name the .NET
/// type they could not bind (<c>CartLineInput</c>, <c>System.Decimal</c>, <c>IReadOnlyList`1[…]</c>), which tells a
/// client nothing and shows the code's insides; here the message names the JSON type that was expected and the
/// member by its JSON name, and the error's <c>path</c> says where.
/// </summary>
internal static partial class JsonErrorMessages
{
    /// <summary>The message of a JSON error, without its position (the path is reported apart) or any .NET type.</summary>
    public static string Of(JsonException exception)
    {
        var message = exception.Message.Split(" Path:", 2)[0];
        if (ConvertFailure().Match(message) is { Success: true } convert)
        {
            return $"The value is not {JsonKind(ValueTypeName(convert.Groups["type"].Value, exception.Path))}.";
        }

        if (MissingRequired().Match(message) is { Success: true } missing)
        {
            return $"Required members are missing: {missing.Groups["names"].Value}.";
        }

        if (Unmapped().Match(message) is { Success: true } unmapped)
        {
            return $"Unknown member '{unmapped.Groups["name"].Value}'.";
        }

        if (NullRefused().Match(message) is { Success: true } refused)
        {
            // A constructor parameter is named as in C#; its JSON name is the camelCase one.
            return $"'{JsonNamingPolicy.CamelCase.ConvertName(refused.Groups["name"].Value)}' must not be null.";
        }

        return Scrub(message);
    }

    /// <summary>Any other binding message with its .NET types taken out (<c>"RedeemRequest body"</c> becomes <c>"body"</c>).</summary>
    public static string Scrub(string message) =>
        TypeName().Replace(TypedParameter().Replace(message, m => $"\"{m.Groups["name"].Value}\""), m => JsonKind(m.Value));

    /// <summary>What a client sends for a value bound to the .NET type named <paramref name="typeName"/>.</summary>
    public static string JsonKind(string typeName)
    {
        if (typeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal))
        {
            return JsonKind(typeName["System.Nullable`1[".Length..^1]) + " or null";
        }

        if (typeName.EndsWith("[]", StringComparison.Ordinal) || Collection().IsMatch(typeName))
        {
            return "an array";
        }

        return typeName switch
        {
            "System.String" or "System.Char" or "System.Guid" or "System.Uri" => "a string",
            "System.Boolean" => "true or false",
            "System.DateTimeOffset" or "System.DateTime" or "System.DateOnly" => "a date-time string (ISO 8601)",
            "System.TimeSpan" => "a duration string (hh:mm:ss)",
            "System.Text.Json.JsonElement" => "a JSON value",
            _ when Number().IsMatch(typeName) => "a number",
            _ when Type(typeName) is { IsEnum: true } => "one of the allowed strings",
            _ => "an object",
        };
    }

    // For a record's constructor parameter the serializer names the record, not the member: the member's own type is
    // the one the value had to be, found by the last name of the path.
    private static string ValueTypeName(string typeName, string? path)
    {
        var member = path is null ? null : MemberOfPath().Match(path) is { Success: true } m ? m.Groups["name"].Value : null;
        var property = member is null ? null : Type(typeName)?.GetProperty(member, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property?.PropertyType.ToString() ?? typeName;
    }

    private static Type? Type(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(fullName, throwOnError: false)).FirstOrDefault(t => t is not null);

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>\S+)\.$")]
    private static partial Regex ConvertFailure();

    [GeneratedRegex(@"\.(?<name>\w+)$")]
    private static partial Regex MemberOfPath();

    [GeneratedRegex(@"^JSON deserialization for type '[^']+' was missing required properties(?: including)?: (?<names>.+?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"^The JSON property '(?<name>[^']+)' could not be mapped to any \.NET member")]
    private static partial Regex Unmapped();

    [GeneratedRegex(@"^The (?:property or field|constructor parameter) '(?<name>[^']+)' on type '[^']+' doesn't allow")]
    private static partial Regex NullRefused();

    [GeneratedRegex(@"""[\w.`\[\]<>,?]+ (?<name>\w+)""")]
    private static partial Regex TypedParameter();

    [GeneratedRegex(@"\b(?:System|Promotions|Microsoft)\.[\w.`]+(?:\[[^\s\]]*\])?")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"(?:List|Enumerable|Collection|Set|Array)`1\[")]
    private static partial Regex Collection();

    [GeneratedRegex(@"^System\.(?:S?Byte|U?Int(?:16|32|64|128)|Decimal|Double|Single|Half)$")]
    private static partial Regex Number();
}
