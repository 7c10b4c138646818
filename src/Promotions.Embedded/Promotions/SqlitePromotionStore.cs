using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Promotions;

/// <summary>Promotions in SQLite, filterable by campaign, status, kind and channel; writes append their events to the outbox.</summary>
internal sealed class SqlitePromotionStore(SqliteDatabase database) : IPromotionStore
{
    private readonly DocumentTable<Promotion> _table = new(database, Schema);

    /// <summary>The table's layout, shared with the plan store, which writes promotions inside a step's transaction.</summary>
    internal static DocumentSchema<Promotion> Schema { get; } = new(
        "promotions",
        DocumentJson.Default.Promotion,
        p => p.Id,
        (p, version) => p with { Version = version },
        [
            new("campaign_id", p => p.CampaignId),
            new("status", p => p.Status.ToString()),
            new("kind", p => p.Kind.ToString()),
            new("starts_at", p => SqlTime.ToDb(p.StartsAt)),
            new("ends_at", p => SqlTime.ToDb(p.EndsAt)),
        ],
        "promotion_channels",
        p => p.Channels);

    public Task<Promotion?> GetAsync(string id, CancellationToken ct) => _table.GetAsync(id, ct);

    public Task<Page<Promotion>> ListAsync(PromotionFilter filter, ListQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new SqlConditions()
            .Equal("campaign_id", filter.CampaignId)
            .Equal("status", filter.Status?.ToString())
            .Equal("kind", filter.Kind?.ToString())
            .Add(_table.MemberClause, filter.Channel);
        return _table.ListAsync(where, page, ct);
    }

    /// <summary>Active promotions whose window holds <paramref name="now"/>: from the start (inclusive) to the end (exclusive).</summary>
    public async Task<IReadOnlyList<Promotion>> ListLiveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var where = new SqlConditions()
            .Equal("status", nameof(LifecycleStatus.Active))
            .Add("(starts_at IS NULL OR starts_at <= {0})", now.UtcTicks)
            .Add("(ends_at IS NULL OR ends_at > {0})", now.UtcTicks);
        return await _table.ListAllAsync(where, ct);
    }

    public Task<WriteResult<Promotion>> CreateAsync(Promotion promotion, IReadOnlyList<DomainEvent> events, CancellationToken ct) =>
        _table.CreateAsync(promotion, events, ct);

    public Task<WriteResult<Promotion>> UpdateAsync(Promotion promotion, long expectedVersion, IReadOnlyList<DomainEvent> events, CancellationToken ct) =>
        _table.UpdateAsync(promotion, expectedVersion, events, ct);

    public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) =>
        _table.DeleteAsync(id, expectedVersion, ct);
}
