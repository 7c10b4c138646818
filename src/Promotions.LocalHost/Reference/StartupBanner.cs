using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Promotions.LocalHost.Reference;

/// <summary>Tells a newcomer, once the host listens, where the API reference is and how to get a token.</summary>
internal sealed partial class StartupBanner(IServer server, IHostApplicationLifetime lifetime, ILogger<StartupBanner> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Announce);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Announce()
    {
        // The test server has no addresses feature; there is nothing to announce there.
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        foreach (var address in addresses ?? [])
        {
            LogReference(logger, address, ApiReference.Path);
        }

        if (addresses is { Count: > 0 })
        {
            LogToken(logger, "dotnet run --project src/Promotions.LocalHost -- token --role admin");
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "API reference: {Address}{Path}")]
    private static partial void LogReference(ILogger logger, string address, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Get a token with: {Command} (then send it as 'Authorization: Bearer <token>')")]
    private static partial void LogToken(ILogger logger, string command);
}
