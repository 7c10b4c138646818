using Promotions.Domain.CodeAttempts;
using Promotions.Domain.Ports;

namespace Promotions.Domain.Tests.CodeAttempts;

/// <summary>
/// <see cref="ICodeAttemptStore"/> in memory, counting the calls the guard makes; it passes the same contract as the
/// real adapters (<see cref="MemoryCodeAttemptStoreTests"/>), so what the guard's tests see is what a store does.
/// </summary>
internal sealed class MemoryCodeAttemptStore : ICodeAttemptStore
{
    private readonly Dictionary<string, CodeAttemptCount> _counts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public int Reads { get; private set; }

    public int Writes { get; private set; }

    public Task<IReadOnlyList<CodeAttemptCount>> FindAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        lock (_lock)
        {
            Reads++;
            return Task.FromResult<IReadOnlyList<CodeAttemptCount>>([.. keys.Distinct().Where(_counts.ContainsKey).Select(k => _counts[k])]);
        }
    }

    public Task<CodeAttemptCount> AddUnknownAsync(string key, int unknown, DateTimeOffset now, CodeAttemptLimit limit, CancellationToken ct)
    {
        lock (_lock)
        {
            Writes++;
            var next = _counts.TryGetValue(key, out var count) && count.WindowStart > now - limit.Window
                ? count with { Unknown = count.Unknown + unknown }
                : new CodeAttemptCount(key, now, unknown, count?.LockedUntil);
            _counts[key] = next;
            return Task.FromResult(next);
        }
    }

    public Task LockAsync(string key, DateTimeOffset until, CancellationToken ct)
    {
        lock (_lock)
        {
            Writes++;
            if (_counts.TryGetValue(key, out var count) && !(count.LockedUntil >= until))
            {
                _counts[key] = count with { LockedUntil = until };
            }

            return Task.CompletedTask;
        }
    }
}
