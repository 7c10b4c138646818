using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Contracts.Support;

namespace Promotions.Contracts.Stores;

/// <summary>
/// What every port of versioned documents promises (campaigns, promotions, segments, customers, campaign
/// types): conditional create, update and delete as outcomes, and keyset lists. Each port's contract
/// supplies the calls; every adapter runs the same assertions.
/// </summary>
public abstract class VersionedStoreContract<T> : IAsyncLifetime
    where T : class
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>A value unique to this test, to keep its items apart from other tests on the same store.</summary>
    protected string Scope { get; } = "scope-" + Guid.NewGuid().ToString("N");

    public abstract Task InitializeAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A new item (fresh id, every field set, in this test's <see cref="Scope"/>).</summary>
    protected abstract T NewItem();

    /// <summary>The item with its fields changed (same id).</summary>
    protected abstract T Changed(T item);

    protected abstract string IdOf(T item);

    protected abstract long VersionOf(T item);

    protected abstract Task<T?> GetAsync(string id);

    protected abstract Task<WriteResult<T>> CreateAsync(T item);

    protected abstract Task<WriteResult<T>> UpdateAsync(T item, long expectedVersion);

    protected abstract Task<WriteStatus> DeleteAsync(string id, long expectedVersion);

    /// <summary>
    /// A page of the port's list; when <see cref="ListIsScoped"/>, filtered down to this test's scope,
    /// otherwise everything in the store.
    /// </summary>
    protected abstract Task<Page<T>> ListAsync(ListQuery page);

    protected virtual bool ListIsScoped => true;

    [Fact]
    public async Task Create_ThenGet_RoundTripsEveryField()
    {
        var item = NewItem();

        var created = await CreateAsync(item);
        var stored = await GetAsync(IdOf(item));

        Assert.Equal(WriteStatus.Written, created.Status);
        Assert.Equal(1, VersionOf(created.Value!));
        Assert.NotNull(stored);
        Json.AssertSame(item, stored);
    }

    [Fact]
    public async Task Create_WhenIdExists_ReturnsDuplicateAndKeepsTheFirst()
    {
        var item = NewItem();
        await CreateAsync(item);

        var again = await CreateAsync(Changed(item));

        Assert.Equal(WriteStatus.Duplicate, again.Status);
        Assert.Null(again.Value);
        Json.AssertSame(item, await GetAsync(IdOf(item)));
    }

    [Fact]
    public async Task Get_WhenMissing_ReturnsNull()
    {
        Assert.Null(await GetAsync(IdOf(NewItem())));
    }

    [Fact]
    public async Task Update_WithCurrentVersion_StoresTheChangeAsNextVersion()
    {
        var item = NewItem();
        await CreateAsync(item);
        var change = Changed(item);

        var updated = await UpdateAsync(change, 1);
        var stored = await GetAsync(IdOf(item));

        Assert.Equal(WriteStatus.Written, updated.Status);
        Assert.Equal(2, VersionOf(updated.Value!));
        Assert.NotNull(stored);
        Assert.Equal(2, VersionOf(stored));
        Json.AssertSame(updated.Value, stored);
    }

    [Fact]
    public async Task Update_WithStaleVersion_ReturnsVersionConflictAndChangesNothing()
    {
        var item = NewItem();
        await CreateAsync(item);
        await UpdateAsync(Changed(item), 1);

        var stale = await UpdateAsync(item, 1);

        Assert.Equal(WriteStatus.VersionConflict, stale.Status);
        Assert.Equal(2, VersionOf((await GetAsync(IdOf(item)))!));
    }

    [Fact]
    public async Task Update_WhenMissing_ReturnsNotFound()
    {
        var result = await UpdateAsync(NewItem(), 1);

        Assert.Equal(WriteStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task Delete_WithStaleVersion_ReturnsVersionConflictAndKeepsTheItem()
    {
        var item = NewItem();
        await CreateAsync(item);
        await UpdateAsync(Changed(item), 1);

        var status = await DeleteAsync(IdOf(item), 1);

        Assert.Equal(WriteStatus.VersionConflict, status);
        Assert.NotNull(await GetAsync(IdOf(item)));
    }

    [Fact]
    public async Task Delete_WithCurrentVersion_RemovesTheItem()
    {
        var item = NewItem();
        await CreateAsync(item);

        var deleted = await DeleteAsync(IdOf(item), 1);
        var again = await DeleteAsync(IdOf(item), 1);

        Assert.Equal(WriteStatus.Written, deleted);
        Assert.Equal(WriteStatus.NotFound, again);
        Assert.Null(await GetAsync(IdOf(item)));
    }

    [Fact]
    public async Task Update_WhenManyRaceWithTheSameVersion_ExactlyOneWins()
    {
        var item = NewItem();
        await CreateAsync(item);
        var change = Changed(item);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => Task.Run(() => UpdateAsync(change, 1))));

        Assert.Equal(1, results.Count(r => r.Status == WriteStatus.Written));
        Assert.Equal(199, results.Count(r => r.Status == WriteStatus.VersionConflict));
        Assert.Equal(2, VersionOf((await GetAsync(IdOf(item)))!));
    }

    [Fact]
    public async Task List_AcrossPages_ReturnsEveryItemOnceInIdOrder()
    {
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            var item = NewItem();
            await CreateAsync(item);
            created.Add(IdOf(item));
        }

        var listed = new List<string>();
        var pages = 0;
        string? after = null;
        do
        {
            var page = await ListAsync(new ListQuery(after, 3));
            Assert.InRange(page.Items.Count, page.NextCursor is null ? 0 : 3, 3);
            listed.AddRange(page.Items.Select(IdOf));
            after = page.NextCursor is null ? null : Cursor.Decode(page.NextCursor).Value;
            pages++;
        }
        while (after is not null && pages < 1000);

        Assert.Equal(listed.Order(StringComparer.Ordinal), listed);
        Assert.Equal(listed.Count, listed.Distinct().Count());
        if (ListIsScoped)
        {
            Assert.Equal(created.Order(StringComparer.Ordinal), listed);
            Assert.Equal(3, pages);
        }
        else
        {
            Assert.All(created, id => Assert.Contains(id, listed));
        }
    }
}
