using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Offers;

/// <summary>
/// One service (<typeparamref name="TProgram"/>) over real HTTP, on SQLite in a fresh temp folder removed
/// afterwards, with a fake clock the test moves. Tokens are minted on the real clock, which validates them.
/// </summary>
public sealed class ServiceHost<TProgram> : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly string _signingKey = DevTokens.NewSigningKey();
    private readonly Dictionary<string, string> _settings;

    public ServiceHost(Dictionary<string, string>? settings = null)
    {
        _settings = settings ?? [];
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 4, 10, 0, 0, TimeSpan.Zero));

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "promotions-offers-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The service's own registrations, e.g. the ports to seed data through.</summary>
    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A client whose token carries <paramref name="scopes"/> (a channel) and no role.</summary>
    public HttpClient Channel(string subject, params string[] scopes) => Client(subject, [], scopes);

    public HttpClient Client(string subject, string[] roles, string[] scopes)
    {
        var client = CreateClient();
        var token = DevTokens.Create(new AuthOptions { SigningKey = _signingKey }, subject, roles, scopes, Clock);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:SigningKey", _signingKey);
        builder.UseSetting("Embedded:DataDirectory", DataDirectory);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
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
