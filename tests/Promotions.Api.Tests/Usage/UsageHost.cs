using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Promotions.Api.Tests.Host;
using Promotions.Api.Tests.Offers;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Usage;

/// <summary>
/// The whole local host (offers, validation and redemption share one ledger) over real HTTP, on SQLite in a fresh
/// temp folder, with a fake clock the test moves past the usage cache's interval. No demo data.
/// </summary>
public sealed class UsageHost : WebApplicationFactory<Promotions.LocalHost.Program>
{
    private readonly AuthOptions _auth = new() { SigningKey = DevTokens.NewSigningKey() };

    public UsageHost() => Seed = new Seed(Services, Clock.GetUtcNow());

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero));

    public string DataDirectory { get; } = LocalHostFactory.NewTempDirectory();

    internal Seed Seed { get; }

    /// <summary>A checkout channel: it asks for offers, quotes carts and redeems.</summary>
    public HttpClient Checkout()
    {
        var client = CreateClient();
        var token = DevTokens.Create(_auth, "checkout", [], [Scopes.OffersRead, Scopes.Validate, Scopes.Redeem], Clock, TimeSpan.FromDays(30));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A member of staff with the admin role, for the Admin API.</summary>
    public HttpClient Admin()
    {
        var client = CreateClient();
        var token = DevTokens.Create(_auth, "admin", [Roles.Admin], [], Clock, TimeSpan.FromDays(30));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A member of staff named <paramref name="subject"/> with <paramref name="role"/>, for the Admin API.</summary>
    public HttpClient Staff(string subject, string role)
    {
        var client = CreateClient();
        var token = DevTokens.Create(_auth, subject, [role], [], Clock, TimeSpan.FromDays(30));
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Moves the clock past the catalog's and the usage cache's refresh intervals.</summary>
    public void LetCachesExpire() => Clock.Advance(TimeSpan.FromSeconds(2));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Embedded:DataDirectory", DataDirectory);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Auth:SigningKey", _auth.SigningKey);
        builder.UseSetting("Redemption:Sweeper:Interval", "01:00:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            LocalHostFactory.DeleteDirectory(DataDirectory);
        }
    }
}
