using Microsoft.Data.Sqlite;
using Promotions.Domain.Analytics;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Analytics;

/// <summary>Slices summed in SQL: the cells of a scope and breakdown in a day range, grouped by value (and day) and currency.</summary>
internal static class AnalyticsReads
{
    public static async Task<IReadOnlyList<AnalyticsRow>> ReadAsync(SqliteConnection connection, AnalyticsSlice slice, CancellationToken ct)
    {
        var group = slice.ByDay ? "value, day, currency" : "value, currency";
        var sums = string.Join(", ", CellColumns.SumNames.Select(n => $"SUM({n})"));
        var customers = await CustomersAsync(connection, slice, group, ct);

        using var command = connection.Command(null,
            $"SELECT {group}, {sums} FROM analytics_cells WHERE {Where} GROUP BY {group} ORDER BY {group};");
        Bind(command, slice);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<AnalyticsRow>();
        var offset = slice.ByDay ? 3 : 2;
        while (await reader.ReadAsync(ct))
        {
            var value = reader.GetString(0);
            var day = slice.ByDay ? reader.GetString(1) : null;
            var currency = reader.GetString(offset - 1);
            var columns = new long[CellColumns.SumNames.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = reader.GetInt64(offset + i);
            }

            rows.Add(new AnalyticsRow(
                value, day is null ? null : CellColumns.ParseDay(day), currency,
                CellColumns.FromColumns(columns, currency), customers.GetValueOrDefault((value, day, currency))));
        }

        return rows;
    }

    private const string Where = "scope = $scope AND scope_id = $id AND dimension = $dimension AND day BETWEEN $from AND $to";

    private static async Task<Dictionary<(string, string?, string), long>> CustomersAsync(
        SqliteConnection connection, AnalyticsSlice slice, string group, CancellationToken ct)
    {
        using var command = connection.Command(null,
            $"SELECT {group}, COUNT(DISTINCT customer_id) FROM analytics_customers WHERE {Where} GROUP BY {group};");
        Bind(command, slice);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var counts = new Dictionary<(string, string?, string), long>();
        while (await reader.ReadAsync(ct))
        {
            var day = slice.ByDay ? reader.GetString(1) : null;
            var currency = reader.GetString(slice.ByDay ? 2 : 1);
            counts[(reader.GetString(0), day, currency)] = reader.GetInt64(slice.ByDay ? 3 : 2);
        }

        return counts;
    }

    private static void Bind(SqliteCommand command, AnalyticsSlice slice)
    {
        command.Parameters.AddWithValue("$scope", CellColumns.Name(slice.Scope));
        command.Parameters.AddWithValue("$id", slice.ScopeId);
        command.Parameters.AddWithValue("$dimension", CellColumns.Name(slice.Dimension));
        command.Parameters.AddWithValue("$from", CellColumns.Day(slice.Range.From));
        command.Parameters.AddWithValue("$to", CellColumns.Day(slice.Range.To));
    }
}
