using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Promotions.Domain.Ports;
using Promotions.Embedded;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Support;

/// <summary>
/// A service (<typeparamref name="TProgram"/>) over real HTTP in the AWS mode, on the emulator and the tables and
/// bucket of <see cref="AwsTestResources"/>, with local tokens. Ports the AWS adapter set does not provide yet
/// come from the embedded set (in a temp folder deleted afterwards), so a test can reach the AWS adapters it is
/// about through endpoints that also use other ports; every port the AWS set has stays on AWS.
/// </summary>
public sealed class AwsServiceFactory<TProgram>(AwsTestResources aws, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<TProgram>
    where TProgram : class
{
    // The embedded store's own transfers must not stand in on AWS: there the presigned URLs point at S3.
    private static readonly Type[] NeverFilled = [typeof(ILocalAssetTransfers), typeof(IHostedService)];

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "promotions-aws-host-" + Guid.NewGuid().ToString("N"));

    public AuthOptions Auth { get; } = new() { SigningKey = DevTokens.NewSigningKey() };

    /// <summary>A local token carrying <paramref name="roles"/>.</summary>
    public string Token(params string[] roles) => DevTokens.Create(Auth, "aws-tests", roles, [], TimeProvider.System);

    /// <summary>A client whose local token carries <paramref name="roles"/>.</summary>
    public HttpClient As(params string[] roles)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", Token(roles));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in aws.Configuration.AsEnumerable())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Auth:SigningKey", Auth.SigningKey);
        builder.UseSetting("Embedded:DataDirectory", DataDirectory);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(FillFromEmbedded);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
    }

    private void FillFromEmbedded(IServiceCollection services)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Embedded:DataDirectory"] = DataDirectory })
            .Build();
        var embedded = new ServiceCollection().AddEmbeddedAdapters(configuration);
        var present = services.Select(d => d.ServiceType).ToHashSet();
        foreach (var descriptor in embedded.Where(d => !present.Contains(d.ServiceType) && !NeverFilled.Contains(d.ServiceType)))
        {
            services.Add(descriptor);
        }
    }
}
