using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Promotions.Contracts.Support;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;
using Promotions.Domain.Segments;

namespace Promotions.Contracts.Stores;

/// <summary>
/// The <see cref="ICodeDistributionStore"/> contract, driven through <see cref="CodeDistributor"/>: the segment's
/// customers each get one code of the pool, assigned to them, in batches written once with one event each; a repeated
/// run, or a later one of the same pool, gives nobody a second code; an empty pool ends the distribution exhausted with
/// what remained; and a batch whose conditions moved writes nothing.
/// </summary>
public abstract class CodeDistributionContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    protected abstract ICampaignStore Campaigns { get; }

    protected abstract ICampaignPlanStore Plans { get; }

    protected abstract ICodeDistributionStore Distributions { get; }

    protected abstract ICustomerStore Customers { get; }

    protected abstract ISegmentStore Segments { get; }

    protected abstract ICodeStore Codes { get; }

    protected abstract IOutbox Outbox { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Run_WhenThePoolSuffices_AssignsEachMemberOneCodeInBatchesOfOneEventEach()
    {
        var (segment, members) = await SegmentAsync(5);
        await CustomerAsync([]);
        var promotionId = await PoolAsync(10);
        var campaign = await CampaignAsync(promotionId, segment, batchSize: 2);

        var progress = Assert.Single(await Distributor().RunAsync(campaign, 0, null, default));

        Assert.Equal((DistributionState.Completed, 3, 5, 0, 0), (progress.State, progress.Batches, progress.Distributed, progress.Skipped, progress.Remaining));
        var events = await OutboxReader.PendingAsync<CodesDistributed>(Outbox, e => e.CampaignId == campaign.Id);
        Assert.Equal([1, 2, 3], events.Select(e => e.Batch).Order());
        Assert.Equal([2, 2, 1], events.OrderBy(e => e.Batch).Select(e => e.Codes.Count));
        var given = events.SelectMany(e => e.Codes).ToArray();
        Assert.Equal(members, given.Select(g => g.CustomerId).Order(StringComparer.Ordinal));
        Assert.Equal(5, given.Select(g => g.Code).Distinct().Count());
        foreach (var pair in given)
        {
            Assert.Equal(pair.CustomerId, (await Codes.FindAsync(pair.Code, default))!.AssignedCustomerId);
        }

        Assert.Equal(progress, Assert.Single(await Distributions.ListAsync(campaign.Id, 1, default)));
    }

    [Fact]
    public async Task Run_WhenABatchIsFull_WritesItWhole()
    {
        var (segment, members) = await SegmentAsync(CodeDistribution.MaxBatchSize + 1);
        var promotionId = await PoolAsync(CodeDistribution.MaxBatchSize + 1);
        var campaign = await CampaignAsync(promotionId, segment, batchSize: CodeDistribution.MaxBatchSize);

        var progress = Assert.Single(await Distributor().RunAsync(campaign, 0, null, default));

        Assert.Equal((DistributionState.Completed, 2, members.Length), (progress.State, progress.Batches, progress.Distributed));
        var events = await OutboxReader.PendingAsync<CodesDistributed>(Outbox, e => e.CampaignId == campaign.Id);
        Assert.Equal([CodeDistribution.MaxBatchSize, 1], events.OrderBy(e => e.Batch).Select(e => e.Codes.Count));
        Assert.Equal(members.Length, (await Distributions.ClaimedAsync(promotionId, members, default)).Count);
    }

    [Fact]
    public async Task Run_WhenRunAgain_WritesNoBatchAndGivesNoSecondCode()
    {
        var (segment, _) = await SegmentAsync(3);
        var promotionId = await PoolAsync(10);
        var campaign = await CampaignAsync(promotionId, segment, batchSize: 2);
        var first = Assert.Single(await Distributor().RunAsync(campaign, 0, 1, default));
        Assert.Equal((DistributionState.Running, 1), (first.State, first.Batches));

        await Distributor().RunAsync(campaign, 0, null, default);
        var again = Assert.Single(await Distributor().RunAsync(campaign, 0, null, default));

        Assert.Equal((DistributionState.Completed, 2, 3), (again.State, again.Batches, again.Distributed));
        var events = await OutboxReader.PendingAsync<CodesDistributed>(Outbox, e => e.CampaignId == campaign.Id);
        Assert.Equal([1, 2], events.Select(e => e.Batch).Order());
        Assert.Equal(3, events.SelectMany(e => e.Codes).Select(c => c.CustomerId).Distinct().Count());
    }

    [Fact]
    public async Task Run_WhenACustomerHoldsACodeOfThePoolFromAnEarlierRevision_SkipsThem()
    {
        var (segment, _) = await SegmentAsync(3);
        var promotionId = await PoolAsync(10);
        var campaign = await CampaignAsync(promotionId, segment, batchSize: 48);
        await Distributor().RunAsync(campaign, 0, null, default);

        var rewritten = campaign with { Plan = campaign.Plan! with { Revision = 2 } };
        var progress = Assert.Single(await Distributor().RunAsync(rewritten, 0, null, default));

        Assert.Equal((DistributionState.Completed, 0, 0, 3), (progress.State, progress.Batches, progress.Distributed, progress.Skipped));
        Assert.Empty(await OutboxReader.PendingAsync<CodesDistributed>(Outbox, e => e.CampaignId == campaign.Id && e.PlanRevision == 2));
    }

    [Fact]
    public async Task Run_WhenThePoolRunsOut_EndsExhaustedWithWhatRemained()
    {
        var (segment, _) = await SegmentAsync(5);
        var promotionId = await PoolAsync(3);
        var campaign = await CampaignAsync(promotionId, segment, batchSize: 2);

        var progress = Assert.Single(await Distributor().RunAsync(campaign, 0, null, default));

        Assert.Equal((DistributionState.Exhausted, 2, 3, 2), (progress.State, progress.Batches, progress.Distributed, progress.Remaining));
        Assert.Empty(await Distributions.FreeCodesAsync(promotionId, null, 10, _clock.GetUtcNow(), default));
    }

    [Fact]
    public async Task Run_WhenTheSegmentHasCriteria_GivesCodesToTheCustomersWhoMeetThem()
    {
        var city = Ids.New("city", _clock);
        var criteria = JsonDocument.Parse($$"""{"fact":"location.city","op":"eq","value":"{{city}}"}""").RootElement.Clone();
        var segment = (await Segments.CreateAsync(new Segment(Ids.New("seg", _clock), "By city", null, criteria), default)).Value!;
        var inside = await CustomerAsync([], city);
        await CustomerAsync([], "elsewhere");
        var listed = await CustomerAsync([segment.Id], "elsewhere");
        var promotionId = await PoolAsync(5);
        var campaign = await CampaignAsync(promotionId, segment.Id, batchSize: 10);

        var progress = Assert.Single(await Distributor().RunAsync(campaign, 0, null, default));

        Assert.Equal(2, progress.Distributed);
        var given = Assert.Single(await OutboxReader.PendingAsync<CodesDistributed>(Outbox, e => e.CampaignId == campaign.Id)).Codes;
        Assert.Equal(new[] { inside, listed }.Order(StringComparer.Ordinal), given.Select(g => g.CustomerId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WriteBatch_WhenWrittenAlreadyOrACodeIsTaken_ReturnsFalseAndWritesNothing()
    {
        var (segment, members) = await SegmentAsync(2);
        var promotionId = await PoolAsync(3);
        var campaign = await CampaignAsync(promotionId, segment, batchSize: 2);
        var codes = await Distributions.FreeCodesAsync(promotionId, null, 3, _clock.GetUtcNow(), default);
        var progress = new DistributionProgress(campaign.Id, 1, 0, 0, promotionId, segment, DistributionState.Running, 1, 1, 0, 0,
            members[0], codes[0].Id, _clock.GetUtcNow());
        var first = new DistributionBatch(progress, 0, [new DistributedCode(members[0], codes[0].Code)], null);

        Assert.True(await Distributions.WriteBatchAsync(first, default));
        Assert.False(await Distributions.WriteBatchAsync(first, default));

        // The next batch, but with the code already given: refused whole, the progress and the claim untouched.
        var taken = new DistributionBatch(progress with { Batches = 2 }, 1, [new DistributedCode(members[1], codes[0].Code)], null);
        Assert.False(await Distributions.WriteBatchAsync(taken, default));
        Assert.Equal(1, Assert.Single(await Distributions.ListAsync(campaign.Id, 1, default)).Batches);
        Assert.Equal(new[] { members[0] }, await Distributions.ClaimedAsync(promotionId, members, default));
        Assert.Equal(members[0], (await Codes.FindAsync(codes[0].Code, default))!.AssignedCustomerId);
        Assert.DoesNotContain(codes[0].Id, (await Distributions.FreeCodesAsync(promotionId, null, 3, _clock.GetUtcNow(), default)).Select(c => c.Id));
    }

    private CodeDistributor Distributor() => new(Campaigns, Plans, Distributions, Customers, Segments, _clock);

    private async Task<(string Segment, string[] Members)> SegmentAsync(int members)
    {
        var segment = (await Segments.CreateAsync(new Segment(Ids.New("seg", _clock), "Listed", null, null), default)).Value!;
        var ids = new List<string>();
        for (var i = 0; i < members; i++)
        {
            ids.Add(await CustomerAsync([segment.Id]));
        }

        return (segment.Id, [.. ids.Order(StringComparer.Ordinal)]);
    }

    private async Task<string> CustomerAsync(IReadOnlyList<string> segments, string? city = null)
    {
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        var customer = new Customer(Ids.New("cus", _clock), null, null, null, segments, _clock.GetUtcNow(), null, PurchaseHistory.None,
            city is null ? null : new Location("FR", null, city, null, null, null, null));
        return (await Customers.CreateAsync(customer, default)).Value!.Id;
    }

    private async Task<string> PoolAsync(int count)
    {
        var promotionId = Ids.New("prm", _clock);
        var codes = Enumerable.Range(0, count).Select(i =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            return new PromoCode(Ids.New("cod", _clock), promotionId, $"D{promotionId[^10..].ToUpperInvariant()}{i:D3}", 0, 1, true, null);
        }).ToArray();
        await Codes.InsertAsync("job_distribution", codes, default);
        return promotionId;
    }

    private async Task<Campaign> CampaignAsync(string promotionId, string segmentId, int batchSize)
    {
        var plan = new CampaignPlan(
            [new PlanStage("launch", Start, null, [new StageChange(StageChangeKind.DistributeCodes, promotionId, null, segmentId, batchSize)])], 1);
        var campaign = new Campaign(Ids.New("cmp", _clock), "Distribution", null, Start, Start.AddDays(1), LifecycleStatus.Active,
            null, null, null, null, Start, Start, Plan: plan);
        return (await Campaigns.CreateAsync(campaign, default)).Value!;
    }
}
