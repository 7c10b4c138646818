using System.Globalization;
using System.Text.Json.Nodes;

namespace Promotions.Aws.Tests.Support.Lambda;

/// <summary>The event an EventBridge schedule rule (SAM <c>Type: Schedule</c>) sends its target, as AWS documents it.</summary>
public static class ScheduleEvents
{
    public static JsonObject Scheduled(DateTimeOffset time, string region, string ruleName = "promotions-redemption-schedule") => new()
    {
        ["version"] = "0",
        ["id"] = Guid.NewGuid().ToString(),
        ["detail-type"] = "Scheduled Event",
        ["source"] = "aws.events",
        ["account"] = "123456789012",
        ["time"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["region"] = region,
        ["resources"] = new JsonArray($"arn:aws:events:{region}:123456789012:rule/{ruleName}"),
        ["detail"] = new JsonObject(),
    };
}
