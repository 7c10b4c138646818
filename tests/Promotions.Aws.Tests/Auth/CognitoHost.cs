using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;

namespace Promotions.Aws.Tests.Auth;

/// <summary>
/// Every service (the local host, on the embedded adapters) validating tokens of a Cognito user pool on the
/// emulator: the settings template.yaml gives the functions, with the issuer of the pool and its key set read
/// from the emulator's host.
/// </summary>
public class CognitoHost : IAsyncLifetime
{
    private WebApplicationFactory<Promotions.LocalHost.Program>? _factory;

    public CognitoPool Pool { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "promotions-cognito-" + Guid.NewGuid().ToString("N"));

    /// <summary>The clock of the host; the system's unless a derived fixture moves it.</summary>
    protected virtual TimeProvider Clock => TimeProvider.System;

    public async Task InitializeAsync()
    {
        var emulator = await Emulator.GetAsync();
        Pool = await CognitoPool.CreateAsync(emulator);
        var settings = new Dictionary<string, string>
        {
            ["Auth:Cognito:UserPoolId"] = Pool.PoolId,
            ["Auth:Cognito:ClientIds"] = $"{Pool.WebClient}, {Pool.MachineClient}",
            ["Auth:Cognito:JwksUrl"] = $"{emulator.Endpoint}/{Pool.PoolId}/.well-known/jwks.json",
            ["Embedded:DataDirectory"] = DataDirectory,
            ["Demo:Seed"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        _factory = new WebApplicationFactory<Promotions.LocalHost.Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Testing");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton(Clock));
        });
        _ = _factory.Server;
    }

    /// <summary>A client that sends <paramref name="token"/> as its bearer token (none when null).</summary>
    public HttpClient With(string? token)
    {
        var client = _factory!.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        }

        return client;
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }
}
