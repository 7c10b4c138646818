using Microsoft.Extensions.Time.Testing;
using Promotions.Contracts.Stores;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Embedded.Campaigns;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Plans;
using Promotions.Embedded.Promotions;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

public sealed class SqliteCampaignPlanStoreTests(TempDatabase temp) : CampaignPlanStoreContract, IClassFixture<TempDatabase>
{
    protected override ICampaignStore Campaigns => new SqliteCampaignStore(temp.Database);

    protected override IPromotionStore Promotions => new SqlitePromotionStore(temp.Database);

    protected override ICampaignPlanStore Plans => new SqliteCampaignPlanStore(temp.Database);

    protected override IOutbox Outbox => new SqliteOutbox(temp.Database, new FakeTimeProvider());
}
