using System.Text.Json;

namespace Promotions.Domain.Rules.Parsing;

/// <summary>Parses and checks the extra properties of facts (<c>withinDays</c>, <c>timeZone</c>, ...).</summary>
internal static class ParameterParser
{
    private static readonly (string Name, FactParameterKinds Kind)[] Known =
    [
        ("withinDays", FactParameterKinds.WithinDays),
        ("timeZone", FactParameterKinds.TimeZone),
        ("sku", FactParameterKinds.Sku),
        ("category", FactParameterKinds.Category),
        ("from", FactParameterKinds.From),
    ];

    public static IEnumerable<string> Names => Known.Select(static k => k.Name);

    public static bool IsParameterName(string name) => Known.Any(k => k.Name == name);

    /// <summary>The parameters of one leaf, or null when any of them is wrong (errors are added).</summary>
    public static FactParameters? Parse(FactDefinition fact, List<JsonProperty> given, string path, ParseErrors errors)
    {
        var errorsBefore = errors.Count;
        var result = FactParameters.None;
        var present = FactParameterKinds.None;
        foreach (var property in given)
        {
            var kind = Known.First(k => k.Name == property.Name).Kind;
            var propertyPath = JsonPath.Property(path, property.Name);
            if (!fact.Allows(kind))
            {
                errors.Add(RuleErrorCodes.UnknownProperty, $"\"{property.Name}\" is not a parameter of {fact.Name}.", propertyPath);
                continue;
            }

            present |= kind;
            result = kind switch
            {
                FactParameterKinds.WithinDays => ParseWithinDays(property.Value, propertyPath, errors) is { } days
                    ? result with { WithinDays = days } : result,
                FactParameterKinds.TimeZone => ParseTimeZone(property.Value, propertyPath, errors) is { } zone
                    ? result with { TimeZone = zone } : result,
                FactParameterKinds.Sku => ParseKey(property.Value, propertyPath, errors) is { } sku
                    ? result with { Sku = sku } : result,
                FactParameterKinds.Category => ParseKey(property.Value, propertyPath, errors) is { } category
                    ? result with { Category = category } : result,
                _ => ParsePoint(property.Value, propertyPath, errors) is { } point ? result with { From = point } : result,
            };
        }

        foreach (var (name, kind) in Known)
        {
            if ((fact.Required & kind) != 0 && (present & kind) == 0)
            {
                errors.Add(RuleErrorCodes.MissingParameter, $"{fact.Name} needs the parameter \"{name}\".", JsonPath.Property(path, name));
            }
        }

        return errors.Count == errorsBefore ? result : null;
    }

    private static int? ParseWithinDays(JsonElement json, string path, ParseErrors errors)
    {
        if (json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var days) && days is > 0 and <= RuleLimits.MaxWithinDays)
        {
            return days;
        }

        errors.Add(RuleErrorCodes.InvalidParameter, $"\"withinDays\" is a whole number of days from 1 to {RuleLimits.MaxWithinDays}.", path);
        return null;
    }

    private static string? ParseTimeZone(JsonElement json, string path, ParseErrors errors)
    {
        if (json.ValueKind != JsonValueKind.String)
        {
            errors.Add(RuleErrorCodes.InvalidParameter, "\"timeZone\" is an IANA time zone id such as \"Europe/Paris\".", path);
            return null;
        }

        var id = json.GetString()!;
        if (!errors.CheckLength(id, path))
        {
            return null;
        }

        if (TimeZones.TryFind(id, out _))
        {
            return id;
        }

        errors.Add(RuleErrorCodes.InvalidParameter, $"Unknown time zone \"{id}\"; use an IANA id such as \"Europe/Paris\".", path);
        return null;
    }

    private static string? ParseKey(JsonElement json, string path, ParseErrors errors)
    {
        if (json.ValueKind == JsonValueKind.String && json.GetString() is { Length: > 0 } key)
        {
            return errors.CheckLength(key, path) ? key : null;
        }

        errors.Add(RuleErrorCodes.InvalidParameter, "Expected a non-empty string.", path);
        return null;
    }

    private static GeoPoint? ParsePoint(JsonElement json, string path, ParseErrors errors)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            errors.Add(RuleErrorCodes.InvalidParameter, "\"from\" is an object {\"lat\": number, \"lon\": number}.", path);
            return null;
        }

        double? lat = null;
        double? lon = null;
        foreach (var property in json.EnumerateObject())
        {
            var propertyPath = JsonPath.Property(path, property.Name);
            switch (property.Name)
            {
                case "lat":
                    lat = ParseDegrees(property.Value, propertyPath, 90, errors);
                    break;
                case "lon":
                    lon = ParseDegrees(property.Value, propertyPath, 180, errors);
                    break;
                default:
                    errors.Add(RuleErrorCodes.UnknownProperty, $"\"{property.Name}\" is not a property of a point.", propertyPath);
                    break;
            }
        }

        if (!json.TryGetProperty("lat", out _))
        {
            errors.Add(RuleErrorCodes.MissingParameter, "\"from\" needs \"lat\".", JsonPath.Property(path, "lat"));
        }

        if (!json.TryGetProperty("lon", out _))
        {
            errors.Add(RuleErrorCodes.MissingParameter, "\"from\" needs \"lon\".", JsonPath.Property(path, "lon"));
        }

        return lat is { } latitude && lon is { } longitude ? new GeoPoint(latitude, longitude) : null;
    }

    private static double? ParseDegrees(JsonElement json, string path, double bound, ParseErrors errors)
    {
        if (json.ValueKind == JsonValueKind.Number && json.TryGetDouble(out var degrees) && Math.Abs(degrees) <= bound)
        {
            return degrees;
        }

        errors.Add(RuleErrorCodes.InvalidParameter, $"Expected a number of degrees from -{bound} to {bound}.", path);
        return null;
    }
}
