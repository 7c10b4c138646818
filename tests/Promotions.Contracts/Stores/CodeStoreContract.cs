using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Contracts.Support;

namespace Promotions.Contracts.Stores;

/// <summary>The <see cref="ICodeStore"/> contract; adapters supply the store and the outbox it writes to.</summary>
public abstract class CodeStoreContract : IAsyncLifetime
{
    private readonly string _promotionId = "prm_" + Guid.NewGuid().ToString("N");
    private readonly string _otherPromotionId = "prm_" + Guid.NewGuid().ToString("N");
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
    private readonly string _jobId = "cjb_" + Guid.NewGuid().ToString("N");

    /// <summary>The clock the store is built with (its events carry its time).</summary>
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

    protected ICodeStore Store { get; private set; } = null!;

    /// <summary>The outbox the store's inserts go to.</summary>
    protected abstract IOutbox Outbox { get; }

    protected abstract Task<ICodeStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Insert_ThenFind_RoundTripsEveryField()
    {
        var full = Code(1) with { Uses = 2, MaxUses = 5, Active = false, ExpiresAt = Samples.OddInstant, AssignedCustomerId = "cus_1" };
        var bare = Code(2) with { ExpiresAt = null, AssignedCustomerId = null };

        var result = await Store.InsertAsync(_jobId, [full, bare], default);

        Assert.Equal(2, result.Inserted);
        Assert.Empty(result.Duplicates);
        Assert.Equal(full, await Store.FindAsync(full.Code, default));
        Assert.Equal(bare, await Store.FindAsync(bare.Code, default));
    }

    [Fact]
    public async Task Find_ReturnsExhaustedAndInactiveCodes()
    {
        var exhausted = Code(1) with { Uses = 1, MaxUses = 1 };
        var inactive = Code(2) with { Active = false };
        await Store.InsertAsync(_jobId, [exhausted, inactive], default);

        Assert.True((await Store.FindAsync(exhausted.Code, default))!.Exhausted);
        Assert.False((await Store.FindAsync(inactive.Code, default))!.Active);
        Assert.Null(await Store.FindAsync(_prefix + "MISSING", default));
    }

    [Fact]
    public async Task Insert_WithRepeatsInTheBatch_StoresTheFirstAndReportsTheRest()
    {
        var first = Code(1);
        var repeat = Code(1) with { Id = Ids.New("cod", Clock), MaxUses = 9 };

        var result = await Store.InsertAsync(_jobId, [first, Code(2), repeat, Code(3)], default);

        Assert.Equal(3, result.Inserted);
        Assert.Equal([first.Code], result.Duplicates);
        Assert.Equal(first, await Store.FindAsync(first.Code, default));
    }

    [Fact]
    public async Task Insert_WithManyRepeatsInALargeBatch_KeepsEveryFirstOccurrence()
    {
        // Each of 500 codes appears 10 times across the batch; only the first copy (MaxUses 1) may be stored.
        var random = new Random(42);
        var batch = Enumerable.Range(0, 5_000)
            .Select(i => Code(i % 500) with { Id = Ids.New("cod", Clock), MaxUses = i < 500 ? 1 : 2 + random.Next(100) })
            .ToList();

        var result = await Store.InsertAsync(_jobId, batch, default);

        Assert.Equal(500, result.Inserted);
        Assert.Equal(4_500, result.Duplicates.Count);
        var stored = new List<PromoCode>();
        await foreach (var code in Store.ExportAsync(_promotionId, default))
        {
            stored.Add(code);
        }

        Assert.Equal(500, stored.Count);
        Assert.All(stored, c => Assert.Equal(1, c.MaxUses));
    }

    [Fact]
    public async Task Insert_WhenCodeIsStoredForAnotherPromotion_ReportsItAsDuplicate()
    {
        var taken = Code(1);
        await Store.InsertAsync(_jobId, [taken], default);

        var result = await Store.InsertAsync(_jobId, [Other(taken), Other(Code(2))], default);

        Assert.Equal(1, result.Inserted);
        Assert.Equal([taken.Code], result.Duplicates);
        Assert.Equal(_promotionId, (await Store.FindAsync(taken.Code, default))!.PromotionId);
    }

    [Fact]
    public async Task Insert_WhenCodesOfSeveralPromotionsAreMixed_ThrowsAndStoresNothing()
    {
        var mixed = new[] { Code(1), Other(Code(2)) };

        await Assert.ThrowsAsync<ArgumentException>(() => Store.InsertAsync(_jobId, mixed, default));

        Assert.Null(await Store.FindAsync(mixed[0].Code, default));
        Assert.Null(await Store.FindAsync(mixed[1].Code, default));
    }

    [Fact]
    public async Task Insert_WritesCodesGeneratedOfTheJobWithTheCountStored()
    {
        var jobId = "cjb_" + Guid.NewGuid().ToString("N");
        var first = await Store.InsertAsync(jobId, [Code(1), Code(2), Code(3)], default);
        var second = await Store.InsertAsync(jobId, [Code(2), Code(4)], default);

        var events = await OutboxReader.PendingAsync<CodesGenerated>(Outbox, e => e.JobId == jobId);

        Assert.Equal((3, 1), (first.Inserted, second.Inserted));
        Assert.All(events, e => Assert.Equal(_promotionId, e.PromotionId));
        Assert.Equal(4, events.Sum(e => e.Count));
        Assert.Equal(Clock.GetUtcNow(), events[0].OccurredAt);
    }

    [Fact]
    public async Task Insert_WhenEveryCodeIsADuplicate_WritesNoEvent()
    {
        await Store.InsertAsync(_jobId, [Code(1), Code(2)], default);
        var jobId = "cjb_" + Guid.NewGuid().ToString("N");

        var result = await Store.InsertAsync(jobId, [Code(1) with { Id = Ids.New("cod", Clock) }, Code(2) with { Id = Ids.New("cod", Clock) }], default);
        var empty = await Store.InsertAsync(jobId, [], default);

        Assert.Equal((0, 2, 0), (result.Inserted, result.Duplicates.Count, empty.Inserted));
        Assert.Empty(await OutboxReader.PendingAsync<CodesGenerated>(Outbox, e => e.JobId == jobId));
    }

    [Fact]
    public async Task Insert_WhenEmpty_InsertsNothing()
    {
        var result = await Store.InsertAsync(_jobId, [], default);

        Assert.Equal(0, result.Inserted);
        Assert.Empty(result.Duplicates);
    }

    [Fact]
    public async Task ListAndCount_PageThroughThePromotionsCodesInIdOrder()
    {
        var codes = Enumerable.Range(0, 11).Select(Code).ToList();
        await Store.InsertAsync(_jobId, codes, default);
        await Store.InsertAsync(_jobId, [Other(Code(99))], default);

        var listed = new List<string>();
        string? after = null;
        do
        {
            var page = await Store.ListAsync(_promotionId, new ListQuery(after, 4), default);
            listed.AddRange(page.Items.Select(c => c.Id));
            after = page.NextCursor is null ? null : Cursor.Decode(page.NextCursor).Value;
        }
        while (after is not null);

        Assert.Equal(codes.Select(c => c.Id).Order(StringComparer.Ordinal), listed);
        Assert.Equal(11, await Store.CountAsync(_promotionId, default));
    }

    [Fact]
    public async Task Export_StreamsEveryCodeOfThePromotionInIdOrder()
    {
        var codes = Enumerable.Range(0, 2_345).Select(Code).ToList();
        await Store.InsertAsync(_jobId, codes, default);
        await Store.InsertAsync(_jobId, [Other(Code(999_999))], default);

        var exported = new List<PromoCode>();
        await foreach (var code in Store.ExportAsync(_promotionId, default))
        {
            exported.Add(code);
        }

        Assert.Equal(codes.Select(c => c.Id).Order(StringComparer.Ordinal), exported.Select(c => c.Id));
        Assert.All(exported, c => Assert.Equal(_promotionId, c.PromotionId));
    }

    [Fact]
    public async Task Insert_WhenBatchesOverlapConcurrently_StoresEveryCodeOnceAndReportsTheRest()
    {
        // Eight batches of 500 over 2,000 distinct codes, each batch starting 250 codes after the previous one.
        var pool = Enumerable.Range(0, 2_000).Select(Code).ToList();
        var batches = Enumerable.Range(0, 8)
            .Select(b => Enumerable.Range(b * 250, 500).Select(i => pool[i % pool.Count] with { Id = Ids.New("cod", Clock) }).ToList())
            .ToList();

        var results = await Task.WhenAll(batches.Select(batch => Task.Run(() => Store.InsertAsync(_jobId, batch, default))));

        Assert.Equal(pool.Count, results.Sum(r => r.Inserted));
        Assert.Equal((8 * 500) - pool.Count, results.Sum(r => r.Duplicates.Count));
        Assert.Equal(pool.Count, await Store.CountAsync(_promotionId, default));
        Assert.Equal(pool.Count, (await OutboxReader.PendingAsync<CodesGenerated>(Outbox, e => e.JobId == _jobId)).Sum(e => e.Count));
        var stored = new List<string>();
        await foreach (var code in Store.ExportAsync(_promotionId, default))
        {
            stored.Add(code.Code);
        }

        Assert.Equal(pool.Select(c => c.Code).Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));
    }

    private PromoCode Other(PromoCode code) => code with { Id = Ids.New("cod", Clock), PromotionId = _otherPromotionId };

    private PromoCode Code(int n) =>
        new(Ids.New("cod", Clock), _promotionId, $"{_prefix}{n:D6}", 0, 1, true, Samples.OddInstant.AddDays(n));
}
