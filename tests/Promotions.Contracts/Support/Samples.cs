using System.Text.Json;

namespace Promotions.Contracts.Support;

/// <summary>Values that are easy to get subtly wrong in storage.</summary>
public static class Samples
{
    /// <summary>Nested JSON whose numbers must keep their exact text and whose strings need escaping.</summary>
    public static JsonElement TrickyJson { get; } = Json.Parse("""
        {"tier":"gold","ratio":1.50,"big":12345678901234567890,"exp":1e3,"neg":-0.0,
         "nested":{"list":[1,"two",null,true,{"k":"v"}],"empty":{}},
         "text":"caf\u00e9 \"quoted\" \\ line\nbreak \ud83c\udf89"}
        """);

    /// <summary>An instant with an offset and sub-millisecond ticks.</summary>
    public static DateTimeOffset OddInstant { get; } = new DateTimeOffset(2026, 3, 29, 1, 30, 15, TimeSpan.FromHours(2)).AddTicks(1234567);

    /// <summary>Asserts that stored JSON is the same value and that number texts survived unchanged.</summary>
    public static void AssertTrickyJson(JsonElement? actual)
    {
        Assert.NotNull(actual);
        Assert.True(JsonElement.DeepEquals(TrickyJson, actual.Value));
        Assert.Equal("1.50", actual.Value.GetProperty("ratio").GetRawText());
        Assert.Equal("12345678901234567890", actual.Value.GetProperty("big").GetRawText());
        Assert.Equal("1e3", actual.Value.GetProperty("exp").GetRawText());
    }
}
