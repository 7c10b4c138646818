using Promotions.Domain.Ports;

namespace Promotions.Domain.PersonalData;

/// <summary>
/// Data keys kept in memory under a <see cref="DataKeyPolicy"/>: the one that seals new values (replaced after its uses or
/// its age run out) and the unwrapped keys of values read. Each key is asked of the ring once however many callers want
/// it at the same time, and a failed request is not kept, so the next caller asks again.
/// </summary>
internal sealed class DataKeyCache(IPersonalDataKeyRing keys, TimeProvider clock, DataKeyPolicy policy, IReadOnlyDictionary<string, string> context)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, OpenedKey> _opened = new(StringComparer.Ordinal);
    private IssuedKey? _current;
    private Task<IssuedKey>? _issuing;

    /// <summary>A data key to seal one value with, counted as used.</summary>
    public async Task<IssuedKey> SealingKeyAsync(CancellationToken ct)
    {
        while (true)
        {
            Task<IssuedKey> pending;
            lock (_gate)
            {
                if (_current is { } current && current.Uses < policy.MaxUses && clock.GetUtcNow() - current.IssuedAt < policy.MaxAge)
                {
                    current.Uses++;
                    return current;
                }

                // The ring is called off the lock; a finished request (done or failed) is followed by a new one.
                if (_issuing is null || _issuing.IsCompleted)
                {
                    _issuing = Task.Run(IssueAsync, CancellationToken.None);
                }

                pending = _issuing;
            }

            await pending.WaitAsync(ct);
        }
    }

    /// <summary>The plaintext of a wrapped data key, from memory when it was unwrapped (or issued) within the policy's age.</summary>
    public async Task<byte[]> OpenedKeyAsync(string keyId, byte[] wrapped, CancellationToken ct)
    {
        var name = NameOf(keyId, wrapped);
        Task<byte[]> unwrap;
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (_opened.TryGetValue(name, out var known) && !known.Key.IsFaulted && !known.Key.IsCanceled && now - known.At < policy.OpenedKeyAge)
            {
                unwrap = known.Key;
            }
            else
            {
                unwrap = Task.Run(() => keys.UnwrapDataKeyAsync(keyId, wrapped, context, CancellationToken.None), CancellationToken.None);
                Remember(name, unwrap, now);
            }
        }

        try
        {
            return await unwrap.WaitAsync(ct);
        }
        catch (Exception) when (unwrap.IsFaulted || unwrap.IsCanceled)
        {
            lock (_gate)
            {
                if (_opened.TryGetValue(name, out var known) && known.Key == unwrap)
                {
                    _opened.Remove(name);
                }
            }

            throw;
        }
    }

    private static string NameOf(string keyId, byte[] wrapped) => keyId + "\n" + Convert.ToBase64String(wrapped);

    private async Task<IssuedKey> IssueAsync()
    {
        var key = await keys.GenerateDataKeyAsync(context, CancellationToken.None);
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            _current = new IssuedKey(key, now);

            // A value just sealed is often read back soon (the write's answer, the next page): no unwrap for those.
            Remember(NameOf(key.KeyId, key.Wrapped), Task.FromResult(key.Plaintext), now);
            return _current;
        }
    }

    private void Remember(string name, Task<byte[]> key, DateTimeOffset now)
    {
        _opened[name] = new OpenedKey(key, now);
        if (_opened.Count <= policy.OpenedKeyCapacity)
        {
            return;
        }

        foreach (var stale in _opened.Where(e => now - e.Value.At >= policy.OpenedKeyAge).Select(e => e.Key).ToList())
        {
            _opened.Remove(stale);
        }

        // Still full: drop the oldest quarter at once, so a long scan does not sort on every key it adds.
        if (_opened.Count > policy.OpenedKeyCapacity)
        {
            foreach (var oldest in _opened.OrderBy(e => e.Value.At).Take(Math.Max(1, _opened.Count / 4)).Select(e => e.Key).ToList())
            {
                _opened.Remove(oldest);
            }
        }
    }
}
