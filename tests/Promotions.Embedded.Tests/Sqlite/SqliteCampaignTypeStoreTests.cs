using Promotions.Domain.Ports;
using Promotions.Embedded.Campaigns;
using Promotions.Contracts.Stores;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqliteCampaignTypeStoreTests(TempDatabase temp) : CampaignTypeStoreContract, IClassFixture<TempDatabase>
{
    protected override Task<ICampaignTypeStore> CreateStoreAsync() => Task.FromResult<ICampaignTypeStore>(new SqliteCampaignTypeStore(temp.Database));
}
