using System.Text.Json;
using System.Text.Json.Serialization;

namespace Promotions.Aws.Events.Lambda;

/// <summary>
/// The <c>dynamodb</c> member of a stream record: the item's key and images in DynamoDB JSON, and the sequence
/// number that names the record in a partial batch response.
/// </summary>
internal sealed record StreamChange(
    [property: JsonPropertyName("Keys")] Dictionary<string, JsonElement>? Keys,
    [property: JsonPropertyName("NewImage")] Dictionary<string, JsonElement>? NewImage,
    [property: JsonPropertyName("OldImage")] Dictionary<string, JsonElement>? OldImage,
    [property: JsonPropertyName("SequenceNumber")] string? SequenceNumber);
