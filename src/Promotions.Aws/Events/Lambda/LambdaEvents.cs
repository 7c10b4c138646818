using System.Text.Json;

namespace Promotions.Aws.Events.Lambda;

/// <summary>
/// Tells the events a pass-through path receives apart by their documented shape: a stream batch has
/// <c>Records</c> from <c>aws:dynamodb</c>, a schedule has <c>source</c> <c>aws.events</c> and
/// <c>detail-type</c> <c>Scheduled Event</c>. Anything else is not for the relay.
/// </summary>
internal static class LambdaEvents
{
    /// <summary>The stream batch in <paramref name="root"/>, or null when it is not one.</summary>
    /// <exception cref="JsonException">The batch's members have the wrong JSON types.</exception>
    public static StreamEvent? AsStream(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Records", out var records) || records.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        // An empty batch has no source to check; it is answered as a batch with nothing to do.
        var fromStream = records.EnumerateArray().All(r =>
            r.ValueKind == JsonValueKind.Object && r.TryGetProperty("eventSource", out var source) && source.ValueKind == JsonValueKind.String
            && source.GetString() == StreamRecord.Source);
        return fromStream ? root.Deserialize(LambdaEventJson.Default.StreamEvent) : null;
    }

    /// <summary>The schedule event in <paramref name="root"/>, or null when it is not one.</summary>
    public static ScheduledEvent? AsSchedule(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var scheduled = root.Deserialize(LambdaEventJson.Default.ScheduledEvent);
        return scheduled is { Source: ScheduledEvent.EventsSource, DetailType: ScheduledEvent.ScheduledDetailType } ? scheduled : null;
    }
}
