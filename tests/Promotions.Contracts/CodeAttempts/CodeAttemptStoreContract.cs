using Promotions.Domain.CodeAttempts;
using Promotions.Domain.Ports;

namespace Promotions.Contracts.CodeAttempts;

/// <summary>The <see cref="ICodeAttemptStore"/> contract; adapters supply the store. Every test uses keys of its own.</summary>
public abstract class CodeAttemptStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero).AddTicks(1234567);
    private static readonly CodeAttemptLimit Limit = new(10, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15));

    private readonly string _prefix = Guid.NewGuid().ToString("N")[..10];

    protected ICodeAttemptStore Store { get; private set; } = null!;

    protected abstract Task<ICodeAttemptStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Find_OfKeysNeverCounted_ReturnsNothing()
    {
        Assert.Empty(await Store.FindAsync([Key("a"), Key("b")], default));
        Assert.Empty(await Store.FindAsync([], default));
    }

    [Fact]
    public async Task AddUnknown_StartsAWindow_ThenAddsToTheOpenOne()
    {
        var first = await Store.AddUnknownAsync(Key("a"), 3, Start, Limit, default);
        var second = await Store.AddUnknownAsync(Key("a"), 2, Start.AddMinutes(9), Limit, default);

        Assert.Equal(new CodeAttemptCount(Key("a"), Start, 3, null), first);
        Assert.Equal(new CodeAttemptCount(Key("a"), Start, 5, null), second);
        Assert.Equal([second], await Store.FindAsync([Key("a")], default));
    }

    [Fact]
    public async Task AddUnknown_WhenTheWindowHasEnded_StartsANewWindowWithJustThese()
    {
        await Store.AddUnknownAsync(Key("a"), 9, Start, Limit, default);
        var justOpen = await Store.AddUnknownAsync(Key("a"), 1, Start + Limit.Window - TimeSpan.FromTicks(1), Limit, default);
        var ended = Start + Limit.Window + Limit.Window;

        var next = await Store.AddUnknownAsync(Key("a"), 2, ended, Limit, default);

        Assert.Equal(10, justOpen.Unknown);
        Assert.Equal(new CodeAttemptCount(Key("a"), ended, 2, null), next);
    }

    [Fact]
    public async Task AddUnknown_AtTheWindowsExactEnd_StartsANewWindow()
    {
        await Store.AddUnknownAsync(Key("a"), 4, Start, Limit, default);

        var next = await Store.AddUnknownAsync(Key("a"), 1, Start + Limit.Window, Limit, default);

        Assert.Equal(new CodeAttemptCount(Key("a"), Start + Limit.Window, 1, null), next);
    }

    [Fact]
    public async Task Lock_OfACountedKey_IsReadBack_AndSurvivesTheNextWindow()
    {
        await Store.AddUnknownAsync(Key("a"), 10, Start, Limit, default);
        var until = Start + Limit.Lockout;

        await Store.LockAsync(Key("a"), until, default);
        var found = Assert.Single(await Store.FindAsync([Key("a")], default));
        var later = await Store.AddUnknownAsync(Key("a"), 1, Start + Limit.Window, Limit, default);

        Assert.Equal(new CodeAttemptCount(Key("a"), Start, 10, until), found);
        Assert.Equal(new CodeAttemptCount(Key("a"), Start + Limit.Window, 1, until), later);
    }

    [Fact]
    public async Task Lock_KeepsALockThatEndsLater_AndIgnoresKeysNeverCounted()
    {
        await Store.AddUnknownAsync(Key("a"), 10, Start, Limit, default);
        await Store.LockAsync(Key("a"), Start.AddMinutes(30), default);

        await Store.LockAsync(Key("a"), Start.AddMinutes(15), default);
        await Store.LockAsync(Key("never"), Start.AddMinutes(15), default);

        Assert.Equal(Start.AddMinutes(30), Assert.Single(await Store.FindAsync([Key("a")], default)).LockedUntil);
        Assert.Empty(await Store.FindAsync([Key("never")], default));
    }

    [Fact]
    public async Task Find_OfACallerAndACustomer_ReturnsEachCountedKeyOnce()
    {
        var caller = CodeAttemptKeys.Of(CodeAttemptScope.Caller, _prefix + "#shop/1 ünïcode");
        var customer = CodeAttemptKeys.Of(CodeAttemptScope.Customer, _prefix);
        await Store.AddUnknownAsync(caller, 1, Start, Limit, default);
        await Store.AddUnknownAsync(customer, 2, Start, Limit, default);

        var found = await Store.FindAsync([caller, customer, Key("other")], default);

        Assert.Equal(
            [new CodeAttemptCount(caller, Start, 1, null), new CodeAttemptCount(customer, Start, 2, null)],
            found.OrderBy(c => c.Unknown));
    }

    [Fact]
    public async Task AddUnknown_Concurrently_CountsEveryAdd()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Store.AddUnknownAsync(Key("busy"), 1, Start.AddSeconds(i % 3), Limit, default)));

        var count = Assert.Single(await Store.FindAsync([Key("busy")], default));

        Assert.Equal(20, count.Unknown);
        Assert.True(count.WindowStart >= Start && count.WindowStart <= Start.AddSeconds(2), $"window start {count.WindowStart:O}");
    }

    private string Key(string name) => $"customer:{_prefix}-{name}";
}
