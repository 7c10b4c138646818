using System.Buffers;
using System.Text;
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
    /// <summary>Claims the events' ids in one statement; the ids claimed now (not processed before).</summary>
    public static async Task<HashSet<string>> ClaimAllAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<DomainEvent> events, long now, CancellationToken ct)
    {
        var claimed = new HashSet<string>(StringComparer.Ordinal);
        if (events.Count == 0)
        {
            return claimed;
        }

        var claim = connection.Reusable(transaction, """
            INSERT INTO analytics_processed (event_id, type, processed_at)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), $now FROM json_each($rows) WHERE true
            ON CONFLICT DO NOTHING RETURNING event_id;
            """);
        claim.Parameters.AddWithValue("$rows", Rows(events, static (w, e) =>
        {
            w.WriteStringValue(e.EventId);
            w.WriteStringValue(e.Type);
        }));
        claim.Parameters.AddWithValue("$now", now);
        await using var reader = await claim.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            claimed.Add(reader.GetString(0));
        }

        return claimed;
    }

    /// <summary>What the events under <paramref name="keys"/> join: the facts and campaign links stored before this batch.</summary>
    public static async Task<BatchJoins> JoinsAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<string> keys, CancellationToken ct)
    {
        var joins = new BatchJoins();
        if (keys.Count == 0)
        {
            return joins;
        }

        var list = JsonSerializer.Serialize(keys.Distinct(StringComparer.Ordinal).ToArray(), AnalyticsRowsJson.Default.StringArray);
        var facts = connection.Reusable(transaction,
            "SELECT join_key, payload FROM analytics_facts WHERE join_key IN (SELECT value FROM json_each($keys));");
        facts.Parameters.AddWithValue("$keys", list);
        await using (var reader = await facts.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                joins.AddFact(reader.GetString(0), JsonSerializer.Deserialize(reader.GetString(1), EventJson.Default.DomainEvent)
                    ?? throw new InvalidDataException("A null event is stored in analytics_facts."));
            }
        }

        var links = connection.Reusable(transaction,
            "SELECT promotion_id, campaign_id FROM analytics_links WHERE promotion_id IN (SELECT value FROM json_each($keys));");
        links.Parameters.AddWithValue("$keys", list);
        await using (var reader = await links.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                joins.AddCampaign(reader.GetString(0), reader.GetString(1));
            }
        }

        return joins;
    }

    /// <summary>The facts later events join (each event id once), in one statement.</summary>
    public static async Task AddFactsAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<(string Key, DomainEvent Fact)> facts, CancellationToken ct)
    {
        var insert = connection.Reusable(transaction, """
            INSERT OR IGNORE INTO analytics_facts (event_id, join_key, type, payload)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]'), json_extract(value, '$[3]') FROM json_each($rows);
            """);
        insert.Parameters.AddWithValue("$rows", Rows(facts, static (w, f) =>
        {
            w.WriteStringValue(f.Fact.EventId);
            w.WriteStringValue(f.Key);
            w.WriteStringValue(f.Fact.Type);
            w.WriteStringValue(EventEnvelope.Write(f.Fact));
        }));
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The promotions' campaign links, in one statement.</summary>
    public static async Task AddLinksAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<PromotionLink> links, CancellationToken ct)
    {
        var insert = connection.Reusable(transaction, """
            INSERT OR IGNORE INTO analytics_links (promotion_id, campaign_id)
            SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each($rows);
            """);
        insert.Parameters.AddWithValue("$rows", Rows(links, static (w, l) =>
        {
            w.WriteStringValue(l.PromotionId);
            w.WriteStringValue(l.CampaignId);
        }));
        await insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One upsert for all the cells, adding each one's delta to its sums (the cells are distinct).</summary>
    public static async Task AddToCellsAsync(
        SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<KeyValuePair<BucketKey, Measures>> cells, CancellationToken ct)
    {
        var upsert = connection.Reusable(transaction, UpsertCells);
        upsert.Parameters.AddWithValue("$rows", Rows(cells, static (w, cell) =>
        {
            WriteKey(w, cell.Key);
            foreach (var sum in CellColumns.ToColumns(cell.Value, cell.Key.Currency))
            {
                w.WriteNumberValue(sum);
            }
        }));
        await upsert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The customers counted once per cell, in one statement.</summary>
    public static async Task MarkCustomersAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyCollection<CustomerMark> marks, CancellationToken ct)
    {
        var insert = connection.Reusable(transaction,
            $"INSERT OR IGNORE INTO analytics_customers ({CellColumns.Key}, customer_id) SELECT {Extract(7)} FROM json_each($rows);");
        insert.Parameters.AddWithValue("$rows", Rows(marks, static (w, mark) =>
        {
            WriteKey(w, mark.Key);
            w.WriteStringValue(mark.CustomerId);
        }));
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static readonly string UpsertCells =
        $"INSERT INTO analytics_cells ({CellColumns.Key}, {CellColumns.Sums}) SELECT {Extract(6 + CellColumns.SumNames.Length)} FROM json_each($rows) WHERE true " +
        $"ON CONFLICT ({CellColumns.Key}) DO UPDATE SET " +
        string.Join(", ", CellColumns.SumNames.Select(n => $"{n} = {n} + excluded.{n}")) + ";";

    private static string Extract(int columns) => string.Join(", ", Enumerable.Range(0, columns).Select(static i => $"json_extract(value, '$[{i}]')"));

    private static void WriteKey(Utf8JsonWriter w, BucketKey key)
    {
        w.WriteStringValue(CellColumns.Name(key.Scope));
        w.WriteStringValue(key.ScopeId);
        w.WriteStringValue(CellColumns.Name(key.Dimension));
        w.WriteStringValue(key.Value);
        w.WriteStringValue(CellColumns.Day(key.Day));
        w.WriteStringValue(key.Currency);
    }

    /// <summary>The rows as a JSON array of arrays for <c>json_each</c>, each row's values written by <paramref name="write"/>.</summary>
    private static string Rows<T>(IEnumerable<T> rows, Action<Utf8JsonWriter, T> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                write(writer, row);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
