using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Dispatch;

/// <summary>
/// The events the in-process relay parked (the embedded mode's dead-letter queue): listed, and replayed once the
/// cause is fixed. A replay puts the event back in the outbox as pending with its failures forgotten, so the next pass
/// delivers it to every consumer again (the ones that took it before recognise its id and change nothing). The local
/// host's <c>dead-letters</c> command is the way in (docs/analytics.md).
/// </summary>
public sealed class DeadLetters : IDisposable
{
    private readonly SqliteDatabase _storage;
    private readonly bool _ownsStorage;

    internal DeadLetters(SqliteDatabase storage, bool ownsStorage = false)
    {
        _storage = storage;
        _ownsStorage = ownsStorage;
    }

    /// <summary>The dead letters of the main database in <paramref name="dataDirectory"/>.</summary>
    public static DeadLetters Open(string dataDirectory) => new(new SqliteDatabase(dataDirectory), ownsStorage: true);

    /// <summary>Every parked (event, consumer), oldest parking first.</summary>
    public async Task<IReadOnlyList<DeadLetter>> ListAsync(CancellationToken ct)
    {
        await using var connection = await _storage.OpenAsync(ct);
        using var command = connection.Command(null, """
            SELECT event_id, type, consumer, attempts, last_error, parked_at FROM outbox_failures
            WHERE parked_at IS NOT NULL ORDER BY parked_at, event_id, consumer;
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var letters = new List<DeadLetter>();
        while (await reader.ReadAsync(ct))
        {
            letters.Add(new DeadLetter(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt32(3),
                reader.GetString(4), new DateTimeOffset(reader.GetInt64(5), TimeSpan.Zero)));
        }

        return letters;
    }

    /// <summary>
    /// Puts the parked event <paramref name="eventId"/> (every parked event when null) back as pending, its failure
    /// counts forgotten; returns how many events it put back (0 when none was parked under that id).
    /// </summary>
    public Task<int> ReplayAsync(string? eventId, CancellationToken ct) =>
        _storage.WriteAsync(async (connection, transaction) =>
        {
            const string Parked = "SELECT event_id FROM outbox_failures WHERE parked_at IS NOT NULL AND ($id IS NULL OR event_id = $id)";
            using var pending = connection.Command(transaction, $"UPDATE outbox SET dispatched_at = NULL WHERE event_id IN ({Parked});");
            pending.Parameters.AddWithValue("$id", (object?)eventId ?? DBNull.Value);
            var replayed = await pending.ExecuteNonQueryAsync(ct);
            using var forget = connection.Command(transaction, $"DELETE FROM outbox_failures WHERE event_id IN ({Parked});");
            forget.Parameters.AddWithValue("$id", (object?)eventId ?? DBNull.Value);
            await forget.ExecuteNonQueryAsync(ct);
            return replayed;
        }, ct);

    public void Dispose()
    {
        if (_ownsStorage)
        {
            _storage.Dispose();
        }
    }
}
