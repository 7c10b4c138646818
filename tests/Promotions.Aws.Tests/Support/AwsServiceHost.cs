using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support.Lambda;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// One service's app in AWS mode, as its Lambda function runs it (environment Production, settings as
/// template.yaml gives them, the Lambda runtime's variable set), over the test server. Ports that other adapters have not brought to AWS yet are
/// simply not resolved by the endpoints these tests call. With <paramref name="localTokens"/> false the host adds
/// no signing key, so only the tokens its settings configure (Cognito) are accepted.
/// </summary>
public sealed class AwsServiceHost<TProgram>(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null, bool localTokens = true)
    : WebApplicationFactory<TProgram>
    where TProgram : class
{
    private readonly string _signingKey = DevTokens.NewSigningKey();

    /// <summary>
    /// A client posting as the Lambda Web Adapter does for a non-HTTP event: no token, and the adapter's
    /// <c>x-amzn-request-context: null</c>, which is what <c>events.ingest</c> trusts in a Lambda function.
    /// </summary>
    public HttpClient PassThrough()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation(EventsIngestRequirement.RequestContextHeader, "null");
        return client;
    }

    /// <summary>The function whose pass-through path is <paramref name="path"/>, invoked as its event sources invoke it.</summary>
    public LambdaFunction Function(string path) => new(PassThrough(), path);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (localTokens)
        {
            builder.UseSetting("Auth:SigningKey", _signingKey);
        }

        // The Lambda runtime sets this in every function; its presence is how the app knows it runs in one.
        builder.UseSetting("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001");
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
