using System.Text.Json;
using Promotions.Domain.Events;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Outbox;

/// <summary>
/// The outbox's read side for the in-process dispatcher: pending events in sequence order, then marked. An event a
/// consumer failed on waits out its retry delay (<see cref="Dispatch.DeliveryFailures"/>) without taking a place in
/// the batch, so the events behind it go meanwhile.
/// </summary>
internal sealed class SqliteOutbox(SqliteDatabase storage, TimeProvider clock) : IOutbox
{
    public async Task<IReadOnlyList<OutboxMessage>> ReadPendingAsync(int limit, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var connection = await storage.OpenAsync(ct);
        using var command = connection.Command(null,
            """
            SELECT seq, event_id, type, version, occurred_at, payload FROM outbox
            WHERE dispatched_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox_failures f WHERE f.event_id = outbox.event_id AND f.retry_at > $now)
            ORDER BY seq LIMIT $limit;
            """);
        command.Parameters.AddWithValue("$limit", limit);
        command.Parameters.AddWithValue("$now", clock.GetUtcNow().UtcTicks);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var messages = new List<OutboxMessage>();
        while (await reader.ReadAsync(ct))
        {
            messages.Add(new OutboxMessage(
                reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                new DateTimeOffset(reader.GetInt64(4), TimeSpan.Zero), reader.GetString(5)));
        }

        return messages;
    }

    public Task MarkDispatchedAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        if (eventIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        return storage.WriteAsync(async (connection, transaction) =>
        {
            var update = connection.Reusable(transaction,
                "UPDATE outbox SET dispatched_at = $now WHERE dispatched_at IS NULL AND event_id IN (SELECT value FROM json_each($ids));");
            update.Parameters.AddWithValue("$now", clock.GetUtcNow().UtcTicks);
            update.Parameters.AddWithValue("$ids", JsonSerializer.Serialize(eventIds.ToArray(), OutboxJson.Default.StringArray));
            return await update.ExecuteNonQueryAsync(ct);
        }, ct);
    }
}
