using System.Text.Json;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Analytics;

/// <summary>
/// The analytics aggregates on SQLite, in Analytics' own database file (<see cref="AnalyticsDatabase"/>), so its
/// writes never wait for, or hold up, the ledger's. Each call is one <c>BEGIN IMMEDIATE</c> transaction: for each
/// event, claim its id, load what it joins, remember what later events join; then add the sums of all of them
/// (merged per cell). A crash anywhere leaves either all of it or none of it, so a redelivered event is either
/// counted now or recognised as counted.
/// </summary>
internal sealed class SqliteAnalyticsStore(AnalyticsDatabase database, TimeProvider clock) : IAnalyticsStore
{
    private readonly SqliteDatabase _storage = database.Storage;

    public async Task<bool> ApplyAsync(DomainEvent domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return (await ApplyAllAsync([domainEvent], ct))[0];
    }

    public Task<IReadOnlyList<bool>> ApplyAllAsync(IReadOnlyList<DomainEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        return _storage.WriteAsync<IReadOnlyList<bool>>(async (connection, transaction) =>
        {
            var now = clock.GetUtcNow().UtcTicks;
            var cells = new PendingCells();
            var applied = new bool[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                var domainEvent = events[i];
                if (!await AnalyticsWrites.ClaimAsync(connection, transaction, domainEvent, now, ct))
                {
                    continue;
                }

                var key = AnalyticsProjection.JoinKey(domainEvent);
                var related = key is null ? RelatedFacts.None : await AnalyticsWrites.RelatedAsync(connection, transaction, key, ct);
                await AnalyticsWrites.AddAsync(connection, transaction, key, AnalyticsProjection.Apply(domainEvent, related), cells, ct);
                applied[i] = true;
            }

            await cells.WriteAsync(connection, transaction, ct);
            return applied;
        }, ct);
    }

    public Task<bool> ParkAsync(string eventId, string type, int version, string envelope, CancellationToken ct) =>
        _storage.WriteAsync(async (connection, transaction) =>
        {
            using var insert = connection.Command(transaction,
                "INSERT OR IGNORE INTO analytics_parked (event_id, type, version, envelope, parked_at) VALUES ($id, $type, $version, $envelope, $now);");
            insert.Parameters.AddWithValue("$id", eventId);
            insert.Parameters.AddWithValue("$type", type);
            insert.Parameters.AddWithValue("$version", version);
            insert.Parameters.AddWithValue("$envelope", envelope);
            insert.Parameters.AddWithValue("$now", clock.GetUtcNow().UtcTicks);
            return await insert.ExecuteNonQueryAsync(ct) == 1;
        }, ct);

    public async Task<IReadOnlyList<AnalyticsRow>> ReadAsync(AnalyticsSlice slice, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(slice);
        await using var connection = await _storage.OpenAsync(ct);
        return await AnalyticsReads.ReadAsync(connection, slice, ct);
    }

    public async Task<IReadOnlyList<BudgetThresholdCrossed>> ThresholdsAsync(string campaignId, CancellationToken ct)
    {
        await using var connection = await _storage.OpenAsync(ct);
        using var command = connection.Command(null,
            "SELECT payload FROM analytics_facts WHERE join_key = $key AND type = $type;");
        command.Parameters.AddWithValue("$key", campaignId);
        command.Parameters.AddWithValue("$type", BudgetThresholdCrossed.TypeName);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var crossed = new List<BudgetThresholdCrossed>();
        while (await reader.ReadAsync(ct))
        {
            if (JsonSerializer.Deserialize(reader.GetString(0), EventJson.Default.DomainEvent) is BudgetThresholdCrossed t)
            {
                crossed.Add(t);
            }
        }

        return [.. crossed.OrderBy(t => t.OccurredAt).ThenBy(t => t.EventId, StringComparer.Ordinal)];
    }
}
