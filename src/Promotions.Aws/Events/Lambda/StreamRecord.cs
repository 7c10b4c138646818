using System.Text.Json.Serialization;

namespace Promotions.Aws.Events.Lambda;

/// <summary>One change of the table: <c>INSERT</c>, <c>MODIFY</c> or <c>REMOVE</c>, from <c>aws:dynamodb</c>.</summary>
internal sealed record StreamRecord(
    [property: JsonPropertyName("eventID")] string? EventId,
    [property: JsonPropertyName("eventName")] string? EventName,
    [property: JsonPropertyName("eventSource")] string? EventSource,
    [property: JsonPropertyName("dynamodb")] StreamChange? Dynamodb)
{
    public const string Insert = "INSERT";

    public const string Source = "aws:dynamodb";
}
