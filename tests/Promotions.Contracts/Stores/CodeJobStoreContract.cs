using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Contracts.Support;

namespace Promotions.Contracts.Stores;

/// <summary>The <see cref="ICodeJobStore"/> contract; adapters supply the store.</summary>
public abstract class CodeJobStoreContract : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

    protected ICodeJobStore Store { get; private set; } = null!;

    protected abstract Task<ICodeJobStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_ThenGet_RoundTripsEveryField()
    {
        var job = Job(CodeJobState.Failed) with { Done = 12, Error = "space_exhausted", CompletedAt = Samples.OddInstant };

        await Store.CreateAsync(job, default);

        Assert.Equal(job, await Store.GetAsync(job.Id, default));
        Assert.Null(await Store.GetAsync(Ids.New("job", _clock), default));
    }

    [Fact]
    public async Task Save_ReplacesProgressAndState()
    {
        var job = Job(CodeJobState.Queued);
        await Store.CreateAsync(job, default);

        var progressed = job with { State = CodeJobState.Running, Done = 500 };
        await Store.SaveAsync(progressed, default);

        Assert.Equal(progressed, await Store.GetAsync(job.Id, default));
    }

    [Fact]
    public async Task ListUnfinished_ReturnsQueuedAndRunningJobsOnly()
    {
        var jobs = Enum.GetValues<CodeJobState>().Select(Job).ToList();
        foreach (var job in jobs)
        {
            await Store.CreateAsync(job, default);
        }

        var finishing = jobs.Single(j => j.State == CodeJobState.Running) with { State = CodeJobState.Completed };
        await Store.SaveAsync(finishing, default);
        var unfinished = await Store.ListUnfinishedAsync(default);
        var mine = unfinished.Where(u => jobs.Any(j => j.Id == u.Id)).ToList();

        Assert.Equal(CodeJobState.Queued, Assert.Single(mine).State);
    }

    [Fact]
    public async Task Claim_OfAQueuedJob_MovesItToRunningWithItsLease()
    {
        var job = Job(CodeJobState.Queued) with { Done = 300 };
        await Store.CreateAsync(job, default);
        var lease = Samples.OddInstant;

        var claimed = await Store.ClaimAsync(job.Id, lease, default);

        var running = job with { State = CodeJobState.Running, LeaseUntil = lease };
        Assert.Equal(running, claimed);
        Assert.Equal(running, await Store.GetAsync(job.Id, default));
        Assert.Contains(await Store.ListUnfinishedAsync(default), j => j.Id == job.Id);
    }

    [Fact]
    public async Task Claim_OfARunningFinishedOrMissingJob_ReturnsNullAndChangesNothing()
    {
        var running = Job(CodeJobState.Running) with { LeaseUntil = Samples.OddInstant };
        var completed = Job(CodeJobState.Completed) with { Done = 1_000 };
        await Store.CreateAsync(running, default);
        await Store.CreateAsync(completed, default);

        Assert.Null(await Store.ClaimAsync(running.Id, null, default));
        Assert.Null(await Store.ClaimAsync(completed.Id, null, default));
        Assert.Null(await Store.ClaimAsync(Ids.New("cjb", _clock), null, default));
        Assert.Equal(running, await Store.GetAsync(running.Id, default));
        Assert.Equal(completed, await Store.GetAsync(completed.Id, default));
    }

    [Fact]
    public async Task Claim_WhenManyRaceForOneQueuedJob_ExactlyOneGetsIt()
    {
        var job = Job(CodeJobState.Queued);
        await Store.CreateAsync(job, default);

        var claims = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => Store.ClaimAsync(job.Id, null, default))));

        Assert.Single(claims, c => c is not null);
        Assert.Equal(CodeJobState.Running, (await Store.GetAsync(job.Id, default))!.State);
    }

    [Fact]
    public async Task Claim_AfterTheJobWasHandedBack_ClaimsItAgainWithItsProgress()
    {
        var job = Job(CodeJobState.Queued);
        await Store.CreateAsync(job, default);
        var first = await Store.ClaimAsync(job.Id, Samples.OddInstant, default);
        await Store.SaveAsync(first! with { Done = 400, State = CodeJobState.Queued, LeaseUntil = null }, default);

        var second = await Store.ClaimAsync(job.Id, null, default);

        Assert.Equal(job with { Done = 400, State = CodeJobState.Running }, second);
    }

    private CodeJob Job(CodeJobState state) => new(
        Ids.New("job", _clock), "prm_1", CodeJobKind.Generate, 1_000, 0, state, null, "SUMMER-####-????", _clock.GetUtcNow(), null);
}
