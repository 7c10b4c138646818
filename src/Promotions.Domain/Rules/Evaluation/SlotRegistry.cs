using System.Collections.Concurrent;

namespace Promotions.Domain.Rules.Evaluation;

/// <summary>
/// Gives each distinct key (an attribute path, a time zone id) a small integer for the life of the
/// process, so compiled conditions index per-context caches by slot instead of hashing strings on
/// every evaluation. Keys come from stored rules, so the set stays small.
/// </summary>
internal sealed class SlotRegistry
{
    private readonly ConcurrentDictionary<string, int> _slots = new(StringComparer.Ordinal);
    private int _count;

    public static SlotRegistry Attributes { get; } = new();

    public static SlotRegistry TimeZones { get; } = new();

    /// <summary>How many slots exist now; contexts size their caches with it when they are created.</summary>
    public int Count => Volatile.Read(ref _count);

    public int Intern(string key) => _slots.GetOrAdd(key, _ => Interlocked.Increment(ref _count) - 1);
}
