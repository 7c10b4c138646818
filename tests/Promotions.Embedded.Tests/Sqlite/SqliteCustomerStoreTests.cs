using Promotions.Contracts.Stores;
using Promotions.Domain.Ports;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqliteCustomerStoreTests(TempDatabase temp) : CustomerStoreContract, IClassFixture<TempDatabase>
{
    protected override Task<ICustomerStore> CreateStoreAsync() => Task.FromResult<ICustomerStore>(SealedCustomerStores.Create(temp.Database));
}
