using Microsoft.Extensions.Hosting;

namespace Promotions.Embedded.Storage;

/// <summary>Migrates the database when the host starts, so a broken data directory stops the start, not the first request.</summary>
internal sealed class DatabaseInitializer(SqliteDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.InitializeAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
