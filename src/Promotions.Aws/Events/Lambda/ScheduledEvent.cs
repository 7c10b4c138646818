using System.Text.Json.Serialization;

namespace Promotions.Aws.Events.Lambda;

/// <summary>
/// The event an EventBridge schedule rule (SAM <c>Type: Schedule</c>) sends to its target:
/// <c>{"version":"0","id":…,"detail-type":"Scheduled Event","source":"aws.events","time":…,"resources":[rule ARN],"detail":{}}</c>.
/// </summary>
internal sealed record ScheduledEvent(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("detail-type")] string? DetailType,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("time")] string? Time)
{
    public const string ScheduledDetailType = "Scheduled Event";

    public const string EventsSource = "aws.events";
}
