using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Embedded.Codes;
using Promotions.Embedded.Outbox;
using Promotions.Contracts.Stores;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqliteCodeStoreTests(TempDatabase temp) : CodeStoreContract, IClassFixture<TempDatabase>
{
    protected override IOutbox Outbox => new SqliteOutbox(temp.Database, Clock);

    protected override Task<ICodeStore> CreateStoreAsync() => Task.FromResult<ICodeStore>(new SqliteCodeStore(temp.Database, Clock));
}
