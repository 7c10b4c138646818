using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Promotions.Embedded.Storage;

/// <summary>Reading JSON documents out of a table, shared by every store that keeps entities as documents.</summary>
internal static class Documents
{
    /// <summary>The documents of <paramref name="table"/> that match <paramref name="where"/>, in id order.</summary>
    public static async Task<List<T>> ReadAsync<T>(
        SqliteDatabase database, string table, SqlConditions where, string tail, JsonTypeInfo<T> json, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT doc FROM {table} WHERE {where.Sql} ORDER BY id {tail};";
        where.Bind(command);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var items = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            items.Add(JsonSerializer.Deserialize(reader.GetString(0), json)
                ?? throw new InvalidDataException($"A null document is stored in {table}."));
        }

        return items;
    }
}
