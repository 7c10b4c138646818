using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Promotions;
using Promotions.Contracts.Stores;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqlitePromotionStoreTests(TempDatabase temp) : PromotionStoreContract, IClassFixture<TempDatabase>
{
    protected override IOutbox Outbox => new SqliteOutbox(temp.Database, Clock);

    protected override Task<IPromotionStore> CreateStoreAsync() => Task.FromResult<IPromotionStore>(new SqlitePromotionStore(temp.Database));
}
