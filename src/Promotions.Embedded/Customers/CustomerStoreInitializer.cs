using Microsoft.Extensions.Hosting;

namespace Promotions.Embedded.Customers;

/// <summary>Prepares the customer store when the host starts, so a missing key ring stops the start, not the first request.</summary>
internal sealed class CustomerStoreInitializer(SqliteCustomerStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.PrepareAsync().WaitAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
