using System.Text.Json.Serialization;

namespace Promotions.Embedded.Analytics;

/// <summary>The key lists the analytics statements hand to SQLite's <c>json_each</c>.</summary>
[JsonSerializable(typeof(string[]))]
internal sealed partial class AnalyticsRowsJson : JsonSerializerContext;
