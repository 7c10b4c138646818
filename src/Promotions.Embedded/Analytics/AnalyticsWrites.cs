using System.Text.Json;
using Microsoft.Data.Sqlite;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Analytics;

/// <summary>
/// The statements of one event's transaction: load what it joins, add its sums, remember it. They run inside
/// <see cref="SqliteDatabase.WriteAsync"/>, so each stays prepared on the write connection (an event is about fifteen
/// statements; compiling them anew took as long as running them).
/// </summary>
internal static class AnalyticsWrites
{
    private static readonly string UpsertCell =
        $"INSERT INTO analytics_cells ({CellColumns.Key}, {CellColumns.Sums}) VALUES ($scope, $id, $dimension, $value, $day, $currency, " +
        string.Join(", ", CellColumns.SumNames.Select(n => "$" + n)) + ") " +
        $"ON CONFLICT ({CellColumns.Key}) DO UPDATE SET " +
        string.Join(", ", CellColumns.SumNames.Select(n => $"{n} = {n} + excluded.{n}")) + ";";

    /// <summary>Claims the event id; false when it was processed before.</summary>
    public static async Task<bool> ClaimAsync(SqliteConnection connection, SqliteTransaction transaction, DomainEvent e, long now, CancellationToken ct)
    {
        var claim = connection.Reusable(transaction,
            "INSERT INTO analytics_processed (event_id, type, processed_at) VALUES ($id, $type, $now) ON CONFLICT DO NOTHING;");
        claim.Parameters.AddWithValue("$id", e.EventId);
        claim.Parameters.AddWithValue("$type", e.Type);
        claim.Parameters.AddWithValue("$now", now);
        return await claim.ExecuteNonQueryAsync(ct) == 1;
    }

    public static async Task<RelatedFacts> RelatedAsync(SqliteConnection connection, SqliteTransaction transaction, string key, CancellationToken ct)
    {
        var events = new List<DomainEvent>();
        var facts = connection.Reusable(transaction, "SELECT payload FROM analytics_facts WHERE join_key = $key;");
        facts.Parameters.AddWithValue("$key", key);
        await using (var reader = await facts.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                events.Add(JsonSerializer.Deserialize(reader.GetString(0), EventJson.Default.DomainEvent)
                    ?? throw new InvalidDataException("A null event is stored in analytics_facts."));
            }
        }

        var campaigns = new List<string>();
        var links = connection.Reusable(transaction, "SELECT campaign_id FROM analytics_links WHERE promotion_id = $key;");
        links.Parameters.AddWithValue("$key", key);
        await using (var reader = await links.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                campaigns.Add(reader.GetString(0));
            }
        }

        return new RelatedFacts(
            [.. events.OfType<RedemptionRecorded>()], [.. events.OfType<RedemptionReversed>()], [.. events.OfType<CodesGenerated>()], campaigns);
    }

    /// <summary>
    /// Writes what later events join at once (the event itself, a campaign link), so the next event of the same
    /// transaction reads it; the sums and customer marks go to <paramref name="cells"/>, written by its
    /// <see cref="PendingCells.WriteAsync"/> before the commit.
    /// </summary>
    public static async Task AddAsync(
        SqliteConnection connection, SqliteTransaction transaction, string? key, AnalyticsChange change, PendingCells cells, CancellationToken ct)
    {
        cells.Add(change);
        if (change.Remember is { } remembered && key is not null)
        {
            var fact = connection.Reusable(transaction,
                "INSERT OR IGNORE INTO analytics_facts (event_id, join_key, type, payload) VALUES ($id, $key, $type, $payload);");
            fact.Parameters.AddWithValue("$id", remembered.EventId);
            fact.Parameters.AddWithValue("$key", key);
            fact.Parameters.AddWithValue("$type", remembered.Type);
            fact.Parameters.AddWithValue("$payload", EventEnvelope.Write(remembered));
            await fact.ExecuteNonQueryAsync(ct);
        }

        if (change.Link is { } link)
        {
            var insert = connection.Reusable(transaction,
                "INSERT OR IGNORE INTO analytics_links (promotion_id, campaign_id) VALUES ($promotion, $campaign);");
            insert.Parameters.AddWithValue("$promotion", link.PromotionId);
            insert.Parameters.AddWithValue("$campaign", link.CampaignId);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>One upsert per cell, adding <paramref name="delta"/> to its sums.</summary>
    public static async Task AddToCellAsync(SqliteConnection connection, SqliteTransaction transaction, BucketKey cell, Measures delta, CancellationToken ct)
    {
        var upsert = connection.Reusable(transaction, UpsertCell);
        BindKey(upsert, cell);
        var sums = CellColumns.ToColumns(delta, cell.Currency);
        for (var i = 0; i < sums.Length; i++)
        {
            upsert.Parameters.AddWithValue("$" + CellColumns.SumNames[i], sums[i]);
        }

        await upsert.ExecuteNonQueryAsync(ct);
    }

    public static async Task MarkCustomerAsync(SqliteConnection connection, SqliteTransaction transaction, CustomerMark mark, CancellationToken ct)
    {
        var insert = connection.Reusable(transaction,
            $"INSERT OR IGNORE INTO analytics_customers ({CellColumns.Key}, customer_id) VALUES ($scope, $id, $dimension, $value, $day, $currency, $customer);");
        BindKey(insert, mark.Key);
        insert.Parameters.AddWithValue("$customer", mark.CustomerId);
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static void BindKey(SqliteCommand command, BucketKey key)
    {
        command.Parameters.AddWithValue("$scope", CellColumns.Name(key.Scope));
        command.Parameters.AddWithValue("$id", key.ScopeId);
        command.Parameters.AddWithValue("$dimension", CellColumns.Name(key.Dimension));
        command.Parameters.AddWithValue("$value", key.Value);
        command.Parameters.AddWithValue("$day", CellColumns.Day(key.Day));
        command.Parameters.AddWithValue("$currency", key.Currency);
    }
}
