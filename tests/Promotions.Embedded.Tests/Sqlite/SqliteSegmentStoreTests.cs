using Promotions.Domain.Ports;
using Promotions.Embedded.Segments;
using Promotions.Contracts.Stores;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqliteSegmentStoreTests(TempDatabase temp) : SegmentStoreContract, IClassFixture<TempDatabase>
{
    protected override Task<ISegmentStore> CreateStoreAsync() => Task.FromResult<ISegmentStore>(new SqliteSegmentStore(temp.Database));
}
