using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Common;
using Promotions.Domain.Offers;
using Promotions.Domain.Ports;
using Promotions.Domain.Segments;
using Promotions.Embedded.Campaigns;
using Promotions.Embedded.Promotions;
using Promotions.Embedded.Segments;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Offers;

/// <summary>
/// When the live catalog reloads, on the SQLite stores: ahead of expiry in the background (requests keep the
/// current snapshot and never wait), or on demand once expired. The segment store can be held mid-load.
/// </summary>
public sealed class LiveCatalogTests : IDisposable
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TempDatabase _database = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly HeldSegments _segments;
    private readonly LiveCatalog _catalog;

    public LiveCatalogTests()
    {
        _segments = new HeldSegments(new SqliteSegmentStore(_database.Database));
        _catalog = new LiveCatalog(
            new SqlitePromotionStore(_database.Database), new SqliteCampaignStore(_database.Database), _segments, _clock);
    }

    [Fact]
    public async Task Get_WhenThreeQuartersOfTheIntervalHavePassed_AnswersAtOnceFromTheCurrentSnapshotAndReloadsBehindIt()
    {
        var first = await _catalog.GetAsync(CancellationToken.None);
        _clock.Advance(_catalog.RefreshInterval * 0.8);
        _segments.Hold();

        // The load it starts is held in the store; the answer does not wait for it.
        var during = await _catalog.GetAsync(CancellationToken.None).AsTask().WaitAsync(Wait);
        var again = await _catalog.GetAsync(CancellationToken.None).AsTask().WaitAsync(Wait);
        await _segments.Entered.WaitAsync(Wait);

        Assert.Same(first, during);
        Assert.Same(first, again);
        Assert.Equal(1, _segments.Holding);
        _segments.Release();
        var next = await NextSnapshotAsync(first);
        Assert.Equal(_clock.GetUtcNow(), next.LoadedAt);
    }

    [Fact]
    public async Task Get_WhenTheSnapshotHasExpired_LoadsAFreshOneBeforeAnswering()
    {
        var first = await _catalog.GetAsync(CancellationToken.None);
        _clock.Advance(_catalog.RefreshInterval);

        var next = await _catalog.GetAsync(CancellationToken.None);

        Assert.NotSame(first, next);
        Assert.Equal(_clock.GetUtcNow(), next.LoadedAt);
    }

    [Fact]
    public async Task Get_WhenLessThanThreeQuartersOfTheIntervalHavePassed_LoadsNothing()
    {
        var first = await _catalog.GetAsync(CancellationToken.None);
        _clock.Advance(_catalog.RefreshInterval * 0.7);
        _segments.Hold();

        Assert.Same(first, await _catalog.GetAsync(CancellationToken.None));
        Assert.Equal(0, _segments.Holding);
        _segments.Release();
    }

    public void Dispose()
    {
        _segments.Release();
        _catalog.Dispose();
        _database.Dispose();
    }

    private async Task<CatalogSnapshot> NextSnapshotAsync(CatalogSnapshot previous)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var current = await _catalog.GetAsync(CancellationToken.None);
            if (!ReferenceEquals(current, previous) || waited.Elapsed > Wait)
            {
                return current;
            }

            await Task.Delay(10);
        }
    }

    /// <summary>The SQLite segment store, whose <see cref="ListAllAsync"/> can be held until released.</summary>
    private sealed class HeldSegments(ISegmentStore inner) : ISegmentStore
    {
        private TaskCompletionSource _gate = Open();
        private int _holding;

        public SemaphoreSlim Entered { get; } = new(0);

        public int Holding => Volatile.Read(ref _holding);

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public async Task<IReadOnlyList<Segment>> ListAllAsync(CancellationToken ct)
        {
            var gate = _gate.Task;
            if (!gate.IsCompleted)
            {
                Interlocked.Increment(ref _holding);
                Entered.Release();
                await gate;
                Interlocked.Decrement(ref _holding);
            }

            return await inner.ListAllAsync(ct);
        }

        public Task<Segment?> GetAsync(string id, CancellationToken ct) => inner.GetAsync(id, ct);

        public Task<Page<Segment>> ListAsync(ListQuery page, CancellationToken ct) => inner.ListAsync(page, ct);

        public Task<WriteResult<Segment>> CreateAsync(Segment segment, CancellationToken ct) => inner.CreateAsync(segment, ct);

        public Task<WriteResult<Segment>> UpdateAsync(Segment segment, long expectedVersion, CancellationToken ct) =>
            inner.UpdateAsync(segment, expectedVersion, ct);

        public Task<WriteStatus> DeleteAsync(string id, long expectedVersion, CancellationToken ct) => inner.DeleteAsync(id, expectedVersion, ct);

        private static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource();
            open.SetResult();
            return open;
        }
    }
}
