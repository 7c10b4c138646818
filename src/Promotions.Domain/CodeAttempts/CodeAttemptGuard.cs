using System.Collections.Concurrent;
using Promotions.Domain.Ports;

namespace Promotions.Domain.CodeAttempts;

/// <summary>
/// Stops code guessing where codes are tried (quotes, lookups, redemptions): before trying a request's codes,
/// <see cref="CheckAsync"/> says whether its caller or customer is locked; after, <see cref="RecordUnknownAsync"/>
/// counts the codes that do not exist (never exhausted, expired or inactive ones: those are real codes) and locks a
/// key that reaches its limit (<see cref="CodeAttemptPolicy"/>). Counts live in <see cref="ICodeAttemptStore"/>, so a
/// lock holds in every process. Honest checkouts pay no write, and at most one read: a key last read with no recent
/// unknown code is trusted from memory for <see cref="CodeAttemptPolicy.TrustClean"/>, and a lock is remembered
/// until it ends.
/// </summary>
public sealed class CodeAttemptGuard(ICodeAttemptStore store, CodeAttemptPolicy policy, TimeProvider clock)
{
    // The memory is a cache of reads, not the authority: bounded, and dropped whole when it fills with live entries.
    internal const int MaxRemembered = 100_000;

    private readonly ConcurrentDictionary<string, Memo> _memos = new(StringComparer.Ordinal);

    /// <summary>The lockout of <paramref name="callerId"/> or <paramref name="customerId"/> (the later one), or null when codes may be tried.</summary>
    public async Task<Lockout?> CheckAsync(string callerId, string? customerId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var keys = Keys(callerId, customerId);
        Lockout? lockout = null;
        List<(CodeAttemptScope Scope, string Key)>? unread = null;
        foreach (var (scope, key) in keys)
        {
            if (_memos.TryGetValue(key, out var memo) && memo.TrustedUntil > now)
            {
                lockout = Lockout.Later(lockout, memo.LockedUntil > now ? new Lockout(scope, memo.LockedUntil.Value) : null);
            }
            else
            {
                (unread ??= []).Add((scope, key));
            }
        }

        if (lockout is not null || unread is null)
        {
            return lockout;
        }

        var counts = await store.FindAsync([.. unread.Select(static u => u.Key)], ct);
        foreach (var (scope, key) in unread)
        {
            var count = counts.FirstOrDefault(c => string.Equals(c.Key, key, StringComparison.Ordinal));
            Remember(key, count, policy.For(scope), now);
            if (count is not null && count.IsLockedAt(now))
            {
                lockout = Lockout.Later(lockout, new Lockout(scope, count.LockedUntil!.Value));
            }
        }

        return lockout;
    }

    /// <summary>
    /// Counts <paramref name="unknown"/> codes that do not exist, tried by <paramref name="callerId"/> for
    /// <paramref name="customerId"/> (if named); returns the lockout this caused or found, or null. Nothing is
    /// written when <paramref name="unknown"/> is zero.
    /// </summary>
    public async Task<Lockout?> RecordUnknownAsync(string callerId, string? customerId, int unknown, CancellationToken ct)
    {
        if (unknown <= 0)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        Lockout? lockout = null;
        foreach (var (scope, key) in Keys(callerId, customerId))
        {
            var limit = policy.For(scope);
            var count = await store.AddUnknownAsync(key, unknown, now, limit, ct);
            if (!count.IsLockedAt(now) && limit.IsReached(count, now))
            {
                var until = now + limit.Lockout;
                await store.LockAsync(key, until, ct);
                count = count with { LockedUntil = until };
            }

            Remember(key, count, limit, now);
            lockout = Lockout.Later(lockout, count.IsLockedAt(now) ? new Lockout(scope, count.LockedUntil!.Value) : null);
        }

        return lockout;
    }

    private static List<(CodeAttemptScope Scope, string Key)> Keys(string callerId, string? customerId)
    {
        ArgumentException.ThrowIfNullOrEmpty(callerId);
        var keys = new List<(CodeAttemptScope, string)>(2) { (CodeAttemptScope.Caller, CodeAttemptKeys.Of(CodeAttemptScope.Caller, callerId)) };
        if (!string.IsNullOrEmpty(customerId))
        {
            keys.Add((CodeAttemptScope.Customer, CodeAttemptKeys.Of(CodeAttemptScope.Customer, customerId)));
        }

        return keys;
    }

    // A locked key is remembered until its lock ends, a clean one (no count, or a window that has ended) for
    // TrustClean; a key with unknown codes in its open window is read again every time, since other processes add to it.
    private void Remember(string key, CodeAttemptCount? count, CodeAttemptLimit limit, DateTimeOffset now)
    {
        Memo? memo = count switch
        {
            null => new Memo(now + policy.TrustClean, null),
            _ when count.IsLockedAt(now) => new Memo(count.LockedUntil!.Value, count.LockedUntil),
            _ when !limit.IsOpen(count, now) => new Memo(now + policy.TrustClean, null),
            _ => null,
        };
        if (memo is null)
        {
            _memos.TryRemove(key, out _);
            return;
        }

        if (_memos.Count >= MaxRemembered)
        {
            Prune(now);
        }

        _memos[key] = memo.Value;
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, memo) in _memos)
        {
            if (memo.TrustedUntil <= now)
            {
                _memos.TryRemove(key, out _);
            }
        }

        if (_memos.Count >= MaxRemembered)
        {
            _memos.Clear();
        }
    }

    private readonly record struct Memo(DateTimeOffset TrustedUntil, DateTimeOffset? LockedUntil);
}
