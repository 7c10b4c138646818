using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Admin;

/// <summary>
/// The Admin API as the Admin function runs it: <c>Adapters:Mode=aws</c>, on the test's tables (and code-job queue, KMS keys)
/// in the emulator, over real HTTP (the test server), with locally signed tokens.
/// </summary>
/// <param name="services">Replacements of the app's services (a fake clock, say), applied after its own registrations.</param>
public sealed class AdminOnAws(AwsTestResources aws, IReadOnlyDictionary<string, string> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Promotions.AdminApi.Program>
{
    private readonly string _signingKey = DevTokens.NewSigningKey();

    public HttpClient As(params string[] roles)
    {
        var client = CreateClient();
        var token = DevTokens.Create(new AuthOptions { SigningKey = _signingKey }, "aws-tests", roles, [], TimeProvider.System);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Auth:SigningKey", _signingKey);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in aws.AdapterSettings)
        {
            builder.UseSetting(key, value);
        }

        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
