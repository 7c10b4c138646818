using Promotions.Contracts.Scheduling;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Domain.Scheduling;
using Promotions.Embedded.Campaigns;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Promotions;
using Promotions.Embedded.Scheduling;
using Promotions.Embedded.Search;
using Promotions.Embedded.Storage;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Scheduling;

/// <summary>The schedule on the embedded store: a fresh SQLite file per test, the second runner on a second connection to it.</summary>
public sealed class ScheduleRunnerTests : ScheduleRunnerContract, IDisposable
{
    private readonly TempDatabase _temp = new();
    private SqliteDatabase? _other;

    public ScheduleRunnerTests()
    {
        Due = new SqliteDueStepQuery(_temp.Database);
        Campaigns = new SqliteCampaignStore(_temp.Database);
        Promotions = new SqlitePromotionStore(_temp.Database);
        Search = new SqlitePromotionSearch(_temp.Database);
        Outbox = new SqliteOutbox(_temp.Database, Clock);
    }

    protected override IDueStepQuery Due { get; }

    protected override ICampaignStore Campaigns { get; }

    protected override IPromotionStore Promotions { get; }

    protected override IPromotionSearch Search { get; }

    protected override IOutbox Outbox { get; }

    public void Dispose()
    {
        _other?.Dispose();
        _temp.Dispose();
    }

    protected override ScheduleRunner OtherRunner()
    {
        var other = _other ??= new SqliteDatabase(_temp.DataDirectory);
        return new(new SqliteDueStepQuery(other), new SqliteCampaignStore(other), new SqlitePromotionStore(other), new SqlitePromotionSearch(other), Clock);
    }
}
