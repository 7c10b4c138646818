using Promotions.Domain.Ports;
using Promotions.Embedded.Campaigns;
using Promotions.Contracts.Stores;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqliteCampaignStoreTests(TempDatabase temp) : CampaignStoreContract, IClassFixture<TempDatabase>
{
    protected override Task<ICampaignStore> CreateStoreAsync() => Task.FromResult<ICampaignStore>(new SqliteCampaignStore(temp.Database));
}
