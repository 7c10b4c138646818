using Promotions.Domain.Ports;
using Promotions.Embedded.Codes;
using Promotions.Contracts.Stores;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqliteCodeJobStoreTests(TempDatabase temp) : CodeJobStoreContract, IClassFixture<TempDatabase>
{
    protected override Task<ICodeJobStore> CreateStoreAsync() => Task.FromResult<ICodeJobStore>(new SqliteCodeJobStore(temp.Database));
}
