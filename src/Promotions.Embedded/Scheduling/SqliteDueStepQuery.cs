using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Scheduling;

/// <summary>
/// Due steps by status and time, on the status indexes of campaigns and promotions: promotions are filtered by their
/// window columns in SQL, campaigns (whose window is only in the document) by their dates here. A pass reads the
/// campaigns that have not finished and the promotions with a step due, so its cost follows the running catalog.
/// </summary>
internal sealed class SqliteDueStepQuery(SqliteDatabase database) : IDueStepQuery
{
    private const string NotFinished = "status IN ('Scheduled', 'Active', 'Paused')";

    public async Task<IReadOnlyList<Campaign>> ListCampaignsDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var running = await Documents.ReadAsync(database, "campaigns", new SqlConditions().Add(NotFinished), "", DocumentJson.Default.Campaign, ct);
        return [.. running.Where(c => c.EndsAt <= now || (c.Status == LifecycleStatus.Scheduled && c.StartsAt <= now))];
    }

    public async Task<IReadOnlyList<Promotion>> ListPromotionsDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var where = new SqlConditions().Add(
            $"((status = 'Scheduled' AND (starts_at IS NULL OR starts_at <= {{0}})) OR ({NotFinished} AND ends_at <= {{0}}))", now.UtcTicks);
        return await Documents.ReadAsync(database, "promotions", where, "", DocumentJson.Default.Promotion, ct);
    }
}
