using System.Text.Json;
using Promotions.Domain.Events;

namespace Promotions.Domain.Analytics;

/// <summary>
/// Reads an event envelope: the event JSON of <see cref="EventJson"/>, with <c>type</c>, <c>version</c> and
/// <c>eventId</c>. A type or version this build does not know is reported as such, not as an error, so the
/// consumer can park it.
/// </summary>
public sealed record EventEnvelope(string? EventId, string? Type, int Version, DomainEvent? Event)
{
    private static readonly Dictionary<string, Type> KnownTypes = (EventJson.Default.DomainEvent.PolymorphismOptions?.DerivedTypes ?? [])
        .Where(d => d.TypeDiscriminator is string)
        .ToDictionary(d => (string)d.TypeDiscriminator!, d => d.DerivedType, StringComparer.Ordinal);

    /// <summary>True when the envelope is an event of a type and version this build reads.</summary>
    public bool IsReadable => Event is not null;

    /// <summary>True when the envelope names an id and a type, so it can be parked even if not read.</summary>
    public bool IsIdentified => !string.IsNullOrEmpty(EventId) && !string.IsNullOrEmpty(Type);

    /// <summary>Reads <paramref name="json"/>; null when it is not an event envelope at all.</summary>
    public static EventEnvelope? Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var type = Text(root, "type");
            var eventId = Text(root, "eventId");
            var version = root.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : 1;
            if (type is null || eventId is null)
            {
                return null;
            }

            if (!KnownTypes.ContainsKey(type))
            {
                return new EventEnvelope(eventId, type, version, null);
            }

            var domainEvent = root.Deserialize(EventJson.Default.DomainEvent);
            return domainEvent is null ? null
                : domainEvent.Version == version ? new EventEnvelope(eventId, type, version, domainEvent)
                : new EventEnvelope(eventId, type, version, null);
        }
        catch (JsonException)
        {
            // Not JSON, or a known type whose members do not fit: the sender's mistake, reported as malformed.
            return null;
        }
    }

    /// <summary>The envelope of <paramref name="domainEvent"/>, as the outbox stores it.</summary>
    public static string Write(DomainEvent domainEvent) => JsonSerializer.Serialize(domainEvent, EventJson.Default.DomainEvent);

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
