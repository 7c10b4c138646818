using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Promotions.LocalHost;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// The whole local host over real HTTP (the test server), on a real SQLite file in its own temp directory,
/// deleted on dispose. With <paramref name="signingKey"/> false, the host finds or makes its own key file;
/// <paramref name="settings"/> override configuration keys.
/// </summary>
public sealed class LocalHostFactory(
    bool demo = true, bool signingKey = true, string? dataDirectory = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<Program>
{
    private readonly bool _ownsDirectory = dataDirectory is null;

    public string DataDirectory { get; } = dataDirectory ?? NewTempDirectory();

    /// <summary>The key tests sign with; the host uses it when <c>signingKey</c> is true.</summary>
    public AuthOptions Auth { get; } = new() { SigningKey = DevTokens.NewSigningKey() };

    public string DatabasePath => Path.Combine(DataDirectory, "promotions.db");

    public static string NewTempDirectory() =>
        Path.Combine(Path.GetTempPath(), "promotions-host-tests", Guid.NewGuid().ToString("N"));

    public string Token(IReadOnlyList<string> roles, IReadOnlyList<string>? scopes = null) =>
        DevTokens.Create(Auth, "tester", roles, scopes ?? [], TimeProvider.System);

    /// <summary>A client that sends <paramref name="token"/> as a bearer token (none when null).</summary>
    public HttpClient ClientWith(string? token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public HttpClient Admin() => ClientWith(Token([Roles.Admin]));

    /// <summary>Deletes a temp directory; pooled SQLite connections are closed first so the file can go.</summary>
    public static void DeleteDirectory(string path)
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Embedded:DataDirectory", DataDirectory);
        builder.UseSetting("Demo:Seed", demo ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        if (signingKey)
        {
            builder.UseSetting("Auth:SigningKey", Auth.SigningKey);
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDirectory)
        {
            DeleteDirectory(DataDirectory);
        }
    }
}
