using System.Text.Json;

namespace Promotions.LocalHost.Demo;

/// <summary>Rule, effect and attribute JSON of the demo data, written as text so it reads like the docs.</summary>
internal static class DemoJson
{
    public static JsonElement Parse(string json) => JsonSerializer.Deserialize<JsonElement>(json);
}
