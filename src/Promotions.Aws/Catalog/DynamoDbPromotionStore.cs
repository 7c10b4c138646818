using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;
using Promotions.Aws.Configuration;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Scheduling;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.Aws.Catalog;

/// <summary>
/// Promotions on DynamoDB (<c>PROMOTION#&lt;id&gt;</c>). An active promotion is also in the sparse index <c>gsi2</c>
/// under <c>LIVE</c>, and one with a step ahead of it by its dates in the schedule's index (<see cref="DueIndex"/>);
/// every write adds to the catalog version and writes its events in the same transaction, so the live list each
/// process caches (<see cref="CatalogCache{T}"/>) is reloaded after any write, by any process.
/// </summary>
internal sealed class DynamoDbPromotionStore : IPromotionStore, IDisposable
{
    public const string LivePartition = "LIVE";

    /// <summary>How a promotion is kept: <c>PROMOTION#&lt;id&gt;</c>, listed under <c>PROMOTIONS</c>, live under <c>LIVE</c>.</summary>
    internal static readonly ItemSchema<Promotion> Schema = new(
        "PROMOTION#", "PROMOTIONS", DocumentJson.Default.Promotion, p => p.Id, p => p.Version, (p, v) => p with { Version = v }, Attributes);

    private readonly IAmazonDynamoDB _dynamo;
    private readonly CatalogVersion _version;
    private readonly TimeProvider _clock;
    private readonly VersionedItems<Promotion> _items;
    private readonly CatalogCache<IReadOnlyList<Promotion>> _live;

    public DynamoDbPromotionStore(IAmazonDynamoDB dynamo, IOptions<AwsOptions> options, CatalogVersion version, TimeProvider clock)
    {
        _dynamo = dynamo;
        _version = version;
        _clock = clock;
        _items = new(dynamo, options.Value.Table, Schema);
        _live = new(version, clock, LoadLiveAsync);
    }

    public Task<Promotion?> GetAsync(string id, CancellationToken ct) => _items.GetAsync(id, ct);

    public Task<Page<Promotion>> ListAsync(PromotionFilter filter, ListQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new ItemFilter()
            .Equal("campaignId", filter.CampaignId)
            .Equal("status", filter.Status?.ToString())
            .Equal("kind", filter.Kind?.ToString())
            .Contains("channels", filter.Channel);
        return _items.ListAsync(where, page, ct);
    }

    /// <summary>Active promotions whose window holds <paramref name="now"/>: from the start (inclusive) to the end (exclusive).</summary>
    public async Task<IReadOnlyList<Promotion>> ListLiveAsync(DateTimeOffset now, CancellationToken ct)
    {
        var active = await _live.GetAsync(ct);
        return [.. active.Where(p => (p.StartsAt is not { } start || start <= now) && (p.EndsAt is not { } end || end > now))];
    }

    public async Task<WriteResult<Promotion>> CreateAsync(Promotion promotion, IReadOnlyList<DomainEvent> events, CancellationToken ct)
    {
        var result = await _items.CreateAsync(promotion, Companions(events), ct);
        Seen(result.Status);
        return result;
    }

    public async Task<WriteResult<Promotion>> UpdateAsync(Promotion promotion, long expectedVersion, IReadOnlyList<DomainEvent> events, CancellationToken ct)
    {
        var result = await _items.UpdateAsync(promotion, expectedVersion, Companions(events), ct);
        Seen(result.Status);
        return result;
    }

    public async Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) =>
        Seen(await _items.DeleteAsync(id, expectedVersion, Companions([]), ct));

    public void Dispose() => _live.Dispose();

    private static IEnumerable<KeyValuePair<string, AttributeValue?>> Attributes(Promotion p)
    {
        yield return new("campaignId", Attr.S(p.CampaignId));
        yield return new("status", Attr.S(p.Status.ToString()));
        yield return new("kind", Attr.S(p.Kind.ToString()));
        yield return new("channels", Attr.List(p.Channels));
        yield return new("startsAt", p.StartsAt is { } start ? Attr.N(start.UtcTicks) : null);
        yield return new("endsAt", p.EndsAt is { } end ? Attr.N(end.UtcTicks) : null);
        if (LifecycleMachine.IsLive(p.Status))
        {
            yield return new(TableLayout.Gsi2Pk, Attr.S(LivePartition));
            yield return new(TableLayout.Gsi2Sk, Attr.S(p.Id));
        }

        foreach (var due in DueIndex.Of(p))
        {
            yield return due;
        }
    }

    /// <summary>A committed write moved the version on: this process's next read of it must see that.</summary>
    private WriteStatus Seen(WriteStatus status)
    {
        if (status == WriteStatus.Written)
        {
            _version.Changed();
        }

        return status;
    }

    private List<TransactWriteItem> Companions(IReadOnlyList<DomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return [_version.Bump(_clock.GetUtcNow()), .. events.Select(e => OutboxItems.Put(_items.Table, e))];
    }

    private async Task<IReadOnlyList<Promotion>> LoadLiveAsync(CancellationToken ct)
    {
        var items = await IndexQuery.ReadAsync(_dynamo, _items.Table, TableIndex.Gsi2, LivePartition, null, null, null, ct);
        return [.. items.Select(_items.Read)];
    }
}
