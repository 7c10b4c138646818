using Microsoft.Extensions.Hosting;

namespace Promotions.Embedded.Analytics;

/// <summary>Migrates Analytics' database when the host starts (and moves over what an earlier version kept in the main one).</summary>
internal sealed class AnalyticsDatabaseInitializer(AnalyticsDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.Storage.InitializeAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
