using System.Text.Json.Serialization;

namespace Promotions.Aws.Events.Lambda;

/// <summary>
/// A DynamoDB Streams batch as Lambda delivers it (and the Lambda Web Adapter posts it): records of one shard,
/// in stream order. Only the members the relay reads are bound; the rest are skipped.
/// </summary>
internal sealed record StreamEvent([property: JsonPropertyName("Records")] IReadOnlyList<StreamRecord>? Records);
