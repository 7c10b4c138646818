using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Events;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Outbox;

/// <summary>
/// Appends events to the outbox inside the caller's transaction: the one way any embedded store publishes,
/// so an event exists exactly when the change it reports committed.
/// </summary>
internal static class OutboxRows
{
    public static async Task AppendAsync(SqliteConnection connection, SqliteTransaction transaction, DomainEvent domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        var insert = connection.Reusable(transaction,
            "INSERT INTO outbox (event_id, type, version, occurred_at, payload) VALUES ($id, $type, $version, $at, $payload);");
        insert.Parameters.AddWithValue("$id", domainEvent.EventId);
        insert.Parameters.AddWithValue("$type", domainEvent.Type);
        insert.Parameters.AddWithValue("$version", domainEvent.Version);
        insert.Parameters.AddWithValue("$at", domainEvent.OccurredAt.UtcTicks);
        insert.Parameters.AddWithValue("$payload", JsonSerializer.Serialize(domainEvent, EventJson.Default.DomainEvent));
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Appends <paramref name="events"/> in their order with one statement (a checkout's ten parts, one event each).</summary>
    public static async Task AppendAllAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DomainEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count <= 1)
        {
            foreach (var domainEvent in events)
            {
                await AppendAsync(connection, transaction, domainEvent, ct);
            }

            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var domainEvent in events)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(domainEvent.EventId);
                writer.WriteStringValue(domainEvent.Type);
                writer.WriteNumberValue(domainEvent.Version);
                writer.WriteNumberValue(domainEvent.OccurredAt.UtcTicks);
                writer.WriteStringValue(JsonSerializer.Serialize(domainEvent, EventJson.Default.DomainEvent));
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        // json_each walks the array in order, so the events take ascending sequence numbers in the order given.
        var insert = connection.Reusable(transaction, """
            INSERT INTO outbox (event_id, type, version, occurred_at, payload)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]'), json_extract(value, '$[4]')
            FROM json_each($rows) ORDER BY key;
            """);
        insert.Parameters.AddWithValue("$rows", Encoding.UTF8.GetString(buffer.WrittenSpan));
        await insert.ExecuteNonQueryAsync(ct);
    }
}
