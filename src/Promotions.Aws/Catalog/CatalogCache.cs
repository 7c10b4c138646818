namespace Promotions.Aws.Catalog;

/// <summary>
/// One value read from the catalog (the live promotions, the search index), kept per process until the catalog
/// version changes (<see cref="CatalogVersion"/>, read at most once a second), so a reload only follows a write.
/// </summary>
/// <remarks>
/// The value is read from a global secondary index, which is eventually consistent: a load right after a write may
/// not see it yet, though the version already says it happened. So a load is trusted for its version only when it
/// began at least <see cref="Settle"/> after the write that made that version; a value loaded sooner is loaded
/// again, at most every <see cref="Refresh"/>, until one is. Index propagation normally takes well under a second.
/// </remarks>
internal sealed class CatalogCache<T>(CatalogVersion version, TimeProvider clock, Func<CancellationToken, Task<T>> load) : IDisposable
    where T : class
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(250);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Entry? _entry;

    public async Task<T> GetAsync(CancellationToken ct)
    {
        var current = await version.ReadAsync(ct);
        if (Usable(Volatile.Read(ref _entry), current.Version) is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(ct);
        try
        {
            // Another caller may have loaded this version while this one waited.
            if (Usable(_entry, current.Version) is { } loaded)
            {
                return loaded;
            }

            var started = clock.GetUtcNow();
            var value = await load(ct);
            Volatile.Write(ref _entry, new Entry(current.Version, value, started, Trusted: started - current.ChangedAt >= Settle));
            return value;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private T? Usable(Entry? entry, long current) =>
        entry is not null && entry.Version == current && (entry.Trusted || clock.GetUtcNow() - entry.LoadStarted < Refresh) ? entry.Value : null;

    private sealed record Entry(long Version, T Value, DateTimeOffset LoadStarted, bool Trusted);
}
