using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Promotions.CrashTests;

/// <summary>The Admin API calls and database counts the plan crash tests share.</summary>
internal static class AdminCalls
{
    public static async Task<(string Id, string ETag)> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return (JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!, response.Headers.ETag!.ToString());
    }

    public static async Task<string> SendAsync(HttpClient client, HttpMethod method, string path, object body, string etag)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        using var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.ToString();
    }

    public static async Task<long> CountAsync(DataDirectory data, string sql)
    {
        var builder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(data.Path, "promotions.db"), Pooling = false };
        await using var connection = new SqliteConnection(builder.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
