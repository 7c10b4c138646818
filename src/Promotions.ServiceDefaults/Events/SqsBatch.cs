using System.Text.Json.Serialization;

namespace Promotions.ServiceDefaults.Events;

/// <summary>
/// The SQS event a Lambda receives, as the Lambda Web Adapter posts it to the pass-through path. Only the
/// members read here are bound; SQS sends many more (receipt handle, checksums), so unknown ones are skipped.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record SqsBatch([property: JsonPropertyName("Records")] IReadOnlyList<SqsRecord> Records);

/// <summary>
/// One SQS message: its id (named in a failure report), its body (what the sender put in it), and what carries its
/// trace: the system <paramref name="Attributes"/> (<c>AWSTraceHeader</c>) and the <paramref name="MessageAttributes"/>
/// (<c>traceparent</c>), both optional.
/// </summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
public sealed record SqsRecord(
    string MessageId,
    string Body,
    IReadOnlyDictionary<string, string>? Attributes = null,
    IReadOnlyDictionary<string, SqsMessageAttribute>? MessageAttributes = null,
    [property: JsonPropertyName("eventSourceARN")] string? EventSourceArn = null);
