using Promotions.Domain.Ports;
using Promotions.Embedded.Codes;
using Promotions.Contracts.Stores;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqliteCodeStoreTests(TempDatabase temp) : CodeStoreContract, IClassFixture<TempDatabase>
{
    protected override Task<ICodeStore> CreateStoreAsync() => Task.FromResult<ICodeStore>(new SqliteCodeStore(temp.Database));
}
