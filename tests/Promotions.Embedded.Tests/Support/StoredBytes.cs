using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Tests.Support;

/// <summary>What a database keeps, read past the store: raw rows, and the bytes of the database file and its WAL.</summary>
internal static class StoredBytes
{
    /// <summary>Every column of every row of <paramref name="table"/> as text, one string per row.</summary>
    public static async Task<List<string>> RowsAsync(SqliteDatabase database, string table, string where = "1 = 1")
    {
        await using var connection = await database.OpenAsync(default);
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table} WHERE {where} ORDER BY 1;";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={reader.GetValue(i)}")));
        }

        return rows;
    }

    public static async Task<object?> ScalarAsync(SqliteDatabase database, string sql)
    {
        await using var connection = await database.OpenAsync(default);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    /// <summary>The database file and its WAL, read while the database is open.</summary>
    public static byte[] Files(string dataDirectory)
    {
        using var all = new MemoryStream();
        foreach (var name in new[] { SqliteDatabase.FileName, SqliteDatabase.FileName + "-wal" })
        {
            var path = Path.Combine(dataDirectory, name);
            if (File.Exists(path))
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                file.CopyTo(all);
            }
        }

        return all.ToArray();
    }

    /// <summary>The ways a text can appear in stored bytes: as UTF-8, lower-cased, and as a JSON string would escape it.</summary>
    public static IEnumerable<string> Forms(string text) =>
        new[] { text, text.ToLowerInvariant(), text.Trim(), text.Trim().ToLowerInvariant(), JsonEscaped(text) }.Distinct(StringComparer.Ordinal);

    /// <summary>Asserts that none of the texts appears, in any of its forms, in any row or in the files.</summary>
    public static void AssertAbsent(IEnumerable<string> rows, byte[] files, params string[] texts)
    {
        var joined = string.Join("\n", rows);
        foreach (var form in texts.SelectMany(Forms))
        {
            Assert.DoesNotContain(form, joined, StringComparison.Ordinal);
            Assert.True(files.AsSpan().IndexOf(Encoding.UTF8.GetBytes(form)) < 0, $"'{form}' is in the database file or its WAL.");
        }
    }

    private static string JsonEscaped(string text) =>
        JsonSerializer.Serialize(text, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default }).Trim('"');
}
