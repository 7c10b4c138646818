using Promotions.Contracts.CodeAttempts;
using Promotions.Domain.Ports;
using Promotions.Embedded.CodeAttempts;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqliteCodeAttemptStoreTests(TempDatabase temp) : CodeAttemptStoreContract, IClassFixture<TempDatabase>
{
    protected override Task<ICodeAttemptStore> CreateStoreAsync() => Task.FromResult<ICodeAttemptStore>(new SqliteCodeAttemptStore(temp.Database));
}
