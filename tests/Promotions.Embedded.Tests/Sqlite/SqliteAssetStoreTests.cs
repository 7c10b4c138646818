using Promotions.Domain.Ports;
using Promotions.Embedded.Assets;
using Promotions.Contracts.Stores;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqliteAssetStoreTests(TempDatabase temp) : AssetStoreContract, IClassFixture<TempDatabase>
{
    protected override Task<IAssetStore> CreateStoreAsync() => Task.FromResult<IAssetStore>(new FileAssetStore(temp.Database));
}
