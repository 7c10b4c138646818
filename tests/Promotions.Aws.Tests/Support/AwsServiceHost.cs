using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support.Lambda;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// One service's app in AWS mode, as its Lambda function runs it (environment Production, settings as
/// template.yaml gives them), over the test server. Ports that other adapters have not brought to AWS yet are
/// simply not resolved by the endpoints these tests call.
/// </summary>
public sealed class AwsServiceHost<TProgram>(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly string _signingKey = DevTokens.NewSigningKey();

    /// <summary>
    /// A client with the admin role, which holds <c>events.ingest</c>, the policy of every pass-through path. How
    /// the adapter's own post is authorized on AWS (it carries no token) is the auth adapter's seam.
    /// </summary>
    public HttpClient Admin()
    {
        var client = CreateClient();
        var token = DevTokens.Create(new AuthOptions { SigningKey = _signingKey }, "lambda-event-source", [Roles.Admin], [], TimeProvider.System);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The function whose pass-through path is <paramref name="path"/>, invoked as its event sources invoke it.</summary>
    public LambdaFunction Function(string path) => new(Admin(), path);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Auth:SigningKey", _signingKey);
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
