using Microsoft.Extensions.Time.Testing;
using Promotions.Contracts.Stores;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Embedded.Campaigns;
using Promotions.Embedded.Codes;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Plans;
using Promotions.Embedded.Segments;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqliteCodeDistributionStoreTests(TempDatabase temp) : CodeDistributionContract, IClassFixture<TempDatabase>
{
    protected override ICampaignStore Campaigns => new SqliteCampaignStore(temp.Database);

    protected override ICampaignPlanStore Plans => new SqliteCampaignPlanStore(temp.Database);

    protected override ICodeDistributionStore Distributions => new SqliteCodeDistributionStore(temp.Database);

    protected override ICustomerStore Customers => SealedCustomerStores.Create(temp.Database);

    protected override ISegmentStore Segments => new SqliteSegmentStore(temp.Database);

    protected override ICodeStore Codes => new SqliteCodeStore(temp.Database, new FakeTimeProvider());

    protected override IOutbox Outbox => new SqliteOutbox(temp.Database, new FakeTimeProvider());
}
