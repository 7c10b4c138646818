using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// Every row of every table of the SQLite file (FTS shadow tables included), hashed per table: two equal
/// snapshots mean nothing stored changed in between. Read on a separate read-only connection.
/// </summary>
internal static class StoreSnapshot
{
    public static IReadOnlyDictionary<string, string> Take(string databasePath)
    {
        using var connection = Open(databasePath);
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var snapshot = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            snapshot[table] = HashRows(connection, table);
        }

        return snapshot;
    }

    /// <summary>
    /// Waits until the in-process dispatcher has delivered every event in the outbox (what it writes to the consumers
    /// is then written too), so a snapshot taken afterwards is not changed by deliveries still under way.
    /// </summary>
    public static async Task WaitForDispatchAsync(string databasePath)
    {
        // Bounded so a stuck dispatcher fails the test instead of hanging it; the bound is not a performance claim.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using (var connection = Open(databasePath))
            using (var pending = connection.CreateCommand())
            {
                pending.CommandText = "SELECT COUNT(*) FROM outbox WHERE dispatched_at IS NULL";
                if ((long)pending.ExecuteScalar()! == 0)
                {
                    return;
                }
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The outbox was not drained.");
    }

    /// <summary>The tables whose contents differ between two snapshots.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        [.. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal)];

    private static SqliteConnection Open(string databasePath)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static string HashRows(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        // Table names come from sqlite_master, not from input; the quotes keep odd names intact.
        command.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.GetValue(i);
                row.Append(value is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
            }

            rows.Add(row.ToString());
        }

        rows.Sort(StringComparer.Ordinal);
        return $"{rows.Count}:{Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))))}";
    }
}
