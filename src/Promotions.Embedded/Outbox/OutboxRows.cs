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
}
