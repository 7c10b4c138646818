using System.Text.Json;

namespace Promotions.Contracts.Support;

/// <summary>JSON helpers: literals as JsonElement, and whole-entity comparison by serialized form.</summary>
public static class Json
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// Records holding lists and JsonElements do not compare by value, so two entities are compared by
    /// their serialized form: every field, nested JSON included, must match.
    /// </summary>
    public static void AssertSame<T>(T expected, T actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, Options), JsonSerializer.Serialize(actual, Options));
}
