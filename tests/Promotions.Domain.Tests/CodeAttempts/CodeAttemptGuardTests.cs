using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.CodeAttempts;

namespace Promotions.Domain.Tests.CodeAttempts;

public sealed class CodeAttemptGuardTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly MemoryCodeAttemptStore _store = new();
    private readonly CodeAttemptGuard _guard;

    public CodeAttemptGuardTests() => _guard = new CodeAttemptGuard(_store, CodeAttemptPolicy.Default, _clock);

    [Fact]
    public async Task Check_OfAKeyReadCleanMomentsAgo_IsAnsweredFromMemory()
    {
        Assert.Null(await _guard.CheckAsync("shop", "cus_1", default));
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.Null(await _guard.CheckAsync("shop", "cus_1", default));

        Assert.Equal(1, _store.Reads);
        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task Check_AfterTrustingAWhile_ReadsBothKeysInOneRead()
    {
        await _guard.CheckAsync("shop", "cus_1", default);
        _clock.Advance(CodeAttemptPolicy.Default.TrustClean);

        await _guard.CheckAsync("shop", "cus_1", default);

        Assert.Equal(2, _store.Reads);
    }

    [Fact]
    public async Task RecordUnknown_OfNone_WritesNothing()
    {
        Assert.Null(await _guard.RecordUnknownAsync("shop", "cus_1", 0, default));

        Assert.Equal(0, _store.Writes);
    }

    [Fact]
    public async Task RecordUnknown_ReachingTheCustomersLimit_LocksTheCustomerFor15Minutes_NotTheCaller()
    {
        Assert.Null(await _guard.RecordUnknownAsync("shop", "cus_1", 9, default));
        _clock.Advance(TimeSpan.FromMinutes(9));

        var lockout = await _guard.RecordUnknownAsync("shop", "cus_1", 1, default);

        Assert.Equal(new Lockout(CodeAttemptScope.Customer, _clock.GetUtcNow().AddMinutes(15)), lockout);
        Assert.Equal(lockout, await _guard.CheckAsync("shop", "cus_1", default));
        Assert.Null(await _guard.CheckAsync("shop", "cus_2", default));
        Assert.Null(await _guard.CheckAsync("shop", null, default));
    }

    [Fact]
    public async Task RecordUnknown_SpreadOverWindows_NeverLocks()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(await _guard.RecordUnknownAsync("shop", "cus_1", 9, default));
            _clock.Advance(TimeSpan.FromMinutes(10));
        }

        Assert.Null(await _guard.CheckAsync("shop", "cus_1", default));
    }

    [Fact]
    public async Task RecordUnknown_ReachingTheCallersLimit_LocksTheCallerWhateverTheCustomer()
    {
        for (var i = 0; i < 99; i++)
        {
            Assert.Null(await _guard.RecordUnknownAsync("shop", null, 1, default));
        }

        var lockout = await _guard.RecordUnknownAsync("shop", null, 1, default);

        Assert.Equal(CodeAttemptScope.Caller, lockout?.Scope);
        Assert.Equal(lockout, await _guard.CheckAsync("shop", "cus_never_seen", default));
        Assert.Null(await _guard.CheckAsync("other-shop", null, default));
    }

    [Fact]
    public async Task Check_OfALockSetByAnotherProcess_IsFoundOnceItsMemoryExpires_AndRememberedUntilItEnds()
    {
        var other = new CodeAttemptGuard(_store, CodeAttemptPolicy.Default, _clock);
        Assert.Null(await _guard.CheckAsync("shop", "cus_1", default));
        await other.RecordUnknownAsync("shop", "cus_1", 10, default);
        Assert.Null(await _guard.CheckAsync("shop", "cus_1", default));

        _clock.Advance(CodeAttemptPolicy.Default.TrustClean);
        var lockout = await _guard.CheckAsync("shop", "cus_1", default);
        var reads = _store.Reads;
        _clock.Advance(TimeSpan.FromMinutes(14));
        var remembered = await _guard.CheckAsync("shop", "cus_1", default);
        var readsWhileLocked = _store.Reads - reads;
        _clock.Advance(TimeSpan.FromMinutes(1));
        var afterTheLock = await _guard.CheckAsync("shop", "cus_1", default);

        Assert.Equal(CodeAttemptScope.Customer, lockout?.Scope);
        Assert.Equal(lockout, remembered);
        Assert.Equal(0, readsWhileLocked);
        Assert.Null(afterTheLock);
        Assert.Equal(reads + 1, _store.Reads);
    }

    [Fact]
    public async Task Check_OfAKeyWithRecentUnknownCodes_ReadsEveryTime()
    {
        await _guard.RecordUnknownAsync("shop", "cus_1", 1, default);
        var reads = _store.Reads;

        await _guard.CheckAsync("shop", "cus_1", default);
        await _guard.CheckAsync("shop", "cus_1", default);

        Assert.Equal(reads + 2, _store.Reads);
    }

    [Fact]
    public void Lockout_RetryAfter_IsWholeSecondsRoundedUp_AtLeastOne()
    {
        var now = _clock.GetUtcNow();

        Assert.Equal(900, new Lockout(CodeAttemptScope.Caller, now.AddMinutes(15)).RetryAfterSeconds(now));
        Assert.Equal(2, new Lockout(CodeAttemptScope.Caller, now.AddMilliseconds(1001)).RetryAfterSeconds(now));
        Assert.Equal(1, new Lockout(CodeAttemptScope.Caller, now).RetryAfterSeconds(now));
    }

    [Fact]
    public void Keys_OfVeryLongIds_AreHashed_AndStayDistinct()
    {
        var a = CodeAttemptKeys.Of(CodeAttemptScope.Customer, new string('a', 5000));
        var b = CodeAttemptKeys.Of(CodeAttemptScope.Customer, new string('a', 4999) + "b");

        Assert.StartsWith("customer:sha256:", a, StringComparison.Ordinal);
        Assert.NotEqual(a, b);
        Assert.True(a.Length < 100);
        Assert.NotEqual(CodeAttemptKeys.Of(CodeAttemptScope.Caller, "x"), CodeAttemptKeys.Of(CodeAttemptScope.Customer, "x"));
    }
}
