using System.Text.Json;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Dispatch;

/// <summary>
/// The relay's count of each consumer's failures on each event (<c>outbox_failures</c>), as SQS counts receives: a
/// failed event is retried after a delay that doubles with each failure, and parked for that consumer at the last
/// allowed attempt, so it stops being delivered to it while the other consumers and the events behind it go on.
/// Parked events are listed and replayed with <see cref="DeadLetters"/>.
/// </summary>
internal sealed class DeliveryFailures(SqliteDatabase storage, TimeProvider clock)
{
    private const int MaxErrorLength = 2000;

    /// <summary>For each (event, consumer) with failures among <paramref name="eventIds"/>: true when it is parked.</summary>
    public async Task<IReadOnlyDictionary<(string EventId, string Consumer), bool>> ReadAsync(
        IReadOnlyCollection<string> eventIds, CancellationToken ct)
    {
        var states = new Dictionary<(string, string), bool>();
        if (eventIds.Count == 0)
        {
            return states;
        }

        await using var connection = await storage.OpenAsync(ct);
        using var command = connection.Command(null,
            "SELECT event_id, consumer, parked_at IS NOT NULL FROM outbox_failures WHERE event_id IN (SELECT value FROM json_each($ids));");
        command.Parameters.AddWithValue("$ids", Ids(eventIds));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            states[(reader.GetString(0), reader.GetString(1))] = reader.GetBoolean(2);
        }

        return states;
    }

    /// <summary>
    /// Counts one more failure for each of <paramref name="failures"/> and returns those that reached
    /// <paramref name="maxAttempts"/>, now parked; the others wait <paramref name="retryDelay"/> × 2^(failures − 1).
    /// </summary>
    public Task<IReadOnlyList<DeliveryFailure>> RecordAsync(
        IReadOnlyList<DeliveryFailure> failures, int maxAttempts, TimeSpan retryDelay, CancellationToken ct)
    {
        if (failures.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<DeliveryFailure>>([]);
        }

        var now = clock.GetUtcNow();
        return storage.WriteAsync<IReadOnlyList<DeliveryFailure>>(async (connection, transaction) =>
        {
            var parked = new List<DeliveryFailure>();
            foreach (var failure in failures)
            {
                var count = connection.Reusable(transaction, """
                    INSERT INTO outbox_failures (event_id, consumer, type, attempts, last_error, failed_at)
                    VALUES ($id, $consumer, $type, 1, $error, $now)
                    ON CONFLICT (event_id, consumer) DO UPDATE
                        SET attempts = attempts + 1, last_error = excluded.last_error, failed_at = excluded.failed_at
                    RETURNING attempts;
                    """);
                count.Parameters.AddWithValue("$id", failure.EventId);
                count.Parameters.AddWithValue("$consumer", failure.Consumer);
                count.Parameters.AddWithValue("$type", failure.Type);
                count.Parameters.AddWithValue("$error", failure.Error.Length > MaxErrorLength ? failure.Error[..MaxErrorLength] : failure.Error);
                count.Parameters.AddWithValue("$now", now.UtcTicks);
                var attempts = Convert.ToInt32(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);

                var isParked = attempts >= maxAttempts;
                var schedule = connection.Reusable(transaction,
                    "UPDATE outbox_failures SET retry_at = $retry, parked_at = $parked WHERE event_id = $id AND consumer = $consumer;");
                schedule.Parameters.AddWithValue("$id", failure.EventId);
                schedule.Parameters.AddWithValue("$consumer", failure.Consumer);
                schedule.Parameters.AddWithValue("$retry", isParked ? DBNull.Value : (now + Backoff(retryDelay, attempts)).UtcTicks);
                schedule.Parameters.AddWithValue("$parked", isParked ? now.UtcTicks : DBNull.Value);
                await schedule.ExecuteNonQueryAsync(ct);
                if (isParked)
                {
                    parked.Add(failure);
                }
            }

            return parked;
        }, ct);
    }

    /// <summary>Forgets the failures of events that were delivered in the end; parked ones stay until replayed.</summary>
    public Task ForgetAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct)
    {
        if (eventIds.Count == 0)
        {
            return Task.CompletedTask;
        }

        return storage.WriteAsync(async (connection, transaction) =>
        {
            var delete = connection.Reusable(transaction,
                "DELETE FROM outbox_failures WHERE parked_at IS NULL AND event_id IN (SELECT value FROM json_each($ids));");
            delete.Parameters.AddWithValue("$ids", Ids(eventIds));
            return await delete.ExecuteNonQueryAsync(ct);
        }, ct);
    }

    // Doubling from the base delay, capped at 2^10 times it so a large attempt count cannot overflow the time span.
    private static TimeSpan Backoff(TimeSpan retryDelay, int attempts) => retryDelay * Math.Pow(2, Math.Min(attempts - 1, 10));

    private static string Ids(IReadOnlyCollection<string> eventIds) => JsonSerializer.Serialize(eventIds.ToArray(), OutboxJson.Default.StringArray);
}
