using System.Text.Json;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Analytics;

/// <summary>
/// The analytics aggregates on SQLite. Each event is one <c>BEGIN IMMEDIATE</c> transaction: claim its id,
/// load what it joins, add its sums, remember it. A crash anywhere leaves either all of it or none of it,
/// so a redelivered event is either counted now or recognised as counted.
/// </summary>
internal sealed class SqliteAnalyticsStore(SqliteDatabase storage, TimeProvider clock) : IAnalyticsStore
{
    public Task<bool> ApplyAsync(DomainEvent domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return storage.WriteAsync(async (connection, transaction) =>
        {
            if (!await AnalyticsWrites.ClaimAsync(connection, transaction, domainEvent, clock.GetUtcNow().UtcTicks, ct))
            {
                return false;
            }

            var key = AnalyticsProjection.JoinKey(domainEvent);
            var related = key is null ? RelatedFacts.None : await AnalyticsWrites.RelatedAsync(connection, transaction, key, ct);
            await AnalyticsWrites.WriteAsync(connection, transaction, key, AnalyticsProjection.Apply(domainEvent, related), ct);
            return true;
        }, ct);
    }

    public Task<bool> ParkAsync(string eventId, string type, int version, string envelope, CancellationToken ct) =>
        storage.WriteAsync(async (connection, transaction) =>
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
        await using var connection = await storage.OpenAsync(ct);
        return await AnalyticsReads.ReadAsync(connection, slice, ct);
    }

    public async Task<IReadOnlyList<BudgetThresholdCrossed>> ThresholdsAsync(string campaignId, CancellationToken ct)
    {
        await using var connection = await storage.OpenAsync(ct);
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
