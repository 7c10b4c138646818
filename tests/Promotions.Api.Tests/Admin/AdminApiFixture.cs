using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Admin;

/// <summary>
/// The Admin API on its own, over real HTTP, on a SQLite database in a fresh temp folder that is removed
/// afterwards. Clients carry locally minted tokens of the roles a test asks for; a derived fixture may add settings.
/// </summary>
public class AdminApiFixture : WebApplicationFactory<Promotions.AdminApi.Program>
{
    private readonly string _signingKey = DevTokens.NewSigningKey();

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "promotions-admin-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>A client with the admin role.</summary>
    public HttpClient Admin() => As(Roles.Admin);

    /// <summary>A client whose token carries <paramref name="roles"/> (none: a valid token without roles).</summary>
    public HttpClient As(params string[] roles)
    {
        var client = CreateClient();
        var options = new AuthOptions { SigningKey = _signingKey };
        var token = DevTokens.Create(options, "admin-tests", roles, [], TimeProvider.System);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client without a token (what follows a presigned URL).</summary>
    public HttpClient Anonymous() => CreateClient();

    /// <summary>Settings beyond the signing key and the data directory.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:SigningKey", _signingKey);
        builder.UseSetting("Embedded:DataDirectory", DataDirectory);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(ConfigureTestServices);
    }

    /// <summary>Replaces services of the host (a clock, say) for a derived fixture.</summary>
    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
