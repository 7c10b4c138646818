using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.Domain.Offers;

/// <summary>
/// The promotions that may be offered now, with compiled rules and effects, and the compiled segment
/// criteria. The snapshot is kept for <see cref="RefreshInterval"/> so the hot path does not read the store
/// on every request; compiled artefacts are kept across snapshots while a promotion's or segment's version
/// is unchanged, so a refresh only compiles what changed. One refresh runs at a time. Once three quarters of
/// the interval have passed, the next request starts a refresh in the background and is answered from the
/// current snapshot, so under steady traffic a new snapshot is in place before the old one expires and no
/// request waits for the stores; only a request that finds the snapshot expired (after a quiet spell) loads it
/// itself, and the ones arriving meanwhile wait for that load.
/// </summary>
public sealed class LiveCatalog : IDisposable
{
    /// <summary>How long a snapshot serves requests: a paused campaign stops being offered within this time.</summary>
    public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromSeconds(1);

    private readonly IPromotionStore _promotions;
    private readonly ICampaignStore _campaigns;
    private readonly ISegmentStore _segments;
    private readonly TimeProvider _clock;
    private readonly ICatalogObserver? _observer;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private Dictionary<string, Compiled<CompiledPromotion>> _promotionCache = new(StringComparer.Ordinal);
    private Dictionary<string, Compiled<CompiledSegment>> _segmentCache = new(StringComparer.Ordinal);
    private volatile CatalogSnapshot? _snapshot;

    public LiveCatalog(
        IPromotionStore promotions,
        ICampaignStore campaigns,
        ISegmentStore segments,
        TimeProvider clock,
        ICatalogObserver? observer = null,
        TimeSpan? refreshInterval = null)
    {
        _promotions = promotions;
        _campaigns = campaigns;
        _segments = segments;
        _clock = clock;
        _observer = observer;
        RefreshInterval = refreshInterval ?? DefaultRefreshInterval;
    }

    public TimeSpan RefreshInterval { get; }

    /// <summary>The current snapshot, read from the stores again when the last one is older than the interval.</summary>
    public async ValueTask<CatalogSnapshot> GetAsync(CancellationToken ct)
    {
        if (Fresh(_snapshot) is { } current)
        {
            if (_clock.GetUtcNow() - current.LoadedAt >= RefreshInterval * 0.75)
            {
                RefreshAhead(current);
            }

            return current;
        }

        await _refresh.WaitAsync(ct);
        try
        {
            if (Fresh(_snapshot) is { } refreshed)
            {
                return refreshed;
            }

            var snapshot = await LoadAsync(_clock.GetUtcNow(), ct);
            _snapshot = snapshot;
            return snapshot;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    // Starts a background refresh unless one (ahead or on demand) is running; answers come from `current` meanwhile.
    private void RefreshAhead(CatalogSnapshot current)
    {
        if (!_refresh.Wait(0))
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                if (ReferenceEquals(_snapshot, current))
                {
                    _snapshot = await LoadAsync(_clock.GetUtcNow(), CancellationToken.None);
                }
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The store failed: the current snapshot serves until it expires, and then a request loads it
                // itself and gets the error.
            }
            finally
            {
                ReleaseRefresh();
            }
        });
    }

    private void ReleaseRefresh()
    {
        try
        {
            _refresh.Release();
        }
        catch (ObjectDisposedException)
        {
            // Disposed while a background refresh ran: nothing waits on it any more.
        }
    }

    private CatalogSnapshot? Fresh(CatalogSnapshot? snapshot) =>
        snapshot is not null && _clock.GetUtcNow() - snapshot.LoadedAt < RefreshInterval ? snapshot : null;

    private async Task<CatalogSnapshot> LoadAsync(DateTimeOffset now, CancellationToken ct)
    {
        var promotions = await _promotions.ListLiveAsync(now, ct);
        var campaignIds = promotions.Select(static p => p.CampaignId).Distinct(StringComparer.Ordinal).ToArray();
        var campaigns = (await _campaigns.GetManyAsync(campaignIds, ct)).ToDictionary(static c => c.Id, StringComparer.Ordinal);

        var promotionCache = new Dictionary<string, Compiled<CompiledPromotion>>(StringComparer.Ordinal);
        var live = new List<LivePromotion>(promotions.Count);
        foreach (var promotion in promotions.OrderBy(static p => p.Id, StringComparer.Ordinal))
        {
            var entry = Reuse(_promotionCache, promotion.Id, promotion.Version)
                ?? Record(PromotionCompiler.Compile(promotion), promotion.Version,
                    errors => _observer?.PromotionExcluded(promotion.Id, promotion.Version, errors));
            promotionCache[promotion.Id] = entry;
            var campaign = campaigns.GetValueOrDefault(promotion.CampaignId);
            if (entry.Value is { } compiled && PromotionAvailability.Check(promotion, campaign, now) is null)
            {
                live.Add(new LivePromotion(promotion, campaign!, compiled));
            }
        }

        var segmentCache = new Dictionary<string, Compiled<CompiledSegment>>(StringComparer.Ordinal);
        var segments = new List<CompiledSegment>();
        foreach (var segment in (await _segments.ListAllAsync(ct)).Where(static s => s.Criteria is not null))
        {
            var entry = Reuse(_segmentCache, segment.Id, segment.Version)
                ?? Record(PromotionCompiler.Compile(segment), segment.Version,
                    errors => _observer?.SegmentExcluded(segment.Id, segment.Version, errors));
            segmentCache[segment.Id] = entry;
            if (entry.Value is { } compiled)
            {
                segments.Add(compiled);
            }
        }

        _promotionCache = promotionCache;
        _segmentCache = segmentCache;
        return new CatalogSnapshot(now, live, segments);
    }

    private static Compiled<T>? Reuse<T>(Dictionary<string, Compiled<T>> cache, string id, long version)
        where T : class =>
        cache.TryGetValue(id, out var entry) && entry.Version == version ? entry : null;

    // A failure is cached too, so a broken version is reported once rather than on every refresh.
    private static Compiled<T> Record<T>(Result<T> result, long version, Action<IReadOnlyList<DomainError>> excluded)
        where T : class
    {
        if (result.IsSuccess)
        {
            return new Compiled<T>(version, result.Value);
        }

        excluded(result.Errors);
        return new Compiled<T>(version, null);
    }

    private sealed record Compiled<T>(long Version, T? Value)
        where T : class;
}
