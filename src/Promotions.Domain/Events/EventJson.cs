using System.Text.Json.Serialization;

namespace Promotions.Domain.Events;

/// <summary>
/// The serialized form of events, in the outbox and on queues: camelCase, enums as snake_case strings,
/// the <c>type</c> discriminator first. Source-generated, so publishing costs no reflection.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DomainEvent))]
public sealed partial class EventJson : JsonSerializerContext;
