using Promotions.Domain.Ports;
using Promotions.Embedded.Search;
using Promotions.Contracts.Stores;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqlitePromotionSearchTests(TempDatabase temp) : PromotionSearchContract, IClassFixture<TempDatabase>
{
    protected override Task<IPromotionSearch> CreateSearchAsync() => Task.FromResult<IPromotionSearch>(new SqlitePromotionSearch(temp.Database));
}
