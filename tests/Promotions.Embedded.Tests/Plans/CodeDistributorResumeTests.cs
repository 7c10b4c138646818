using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Codes;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;
using Promotions.Domain.Promotions;
using Promotions.Domain.Segments;
using Promotions.Embedded.Campaigns;
using Promotions.Embedded.Codes;
using Promotions.Embedded.Plans;
using Promotions.Embedded.Segments;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Plans;

/// <summary>
/// The scheduler's pass over a running distribution (<see cref="CodeDistributor.ResumeAsync"/>) on SQLite: it resumes
/// the distribution of a step that ran, at most <see cref="CodeDistributor.BatchesPerPass"/> batches a pass, until done.
/// </summary>
public sealed class CodeDistributorResumeTests(TempDatabase temp) : IClassFixture<TempDatabase>
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public async Task Resume_WhenADistributionNeedsMoreBatchesThanAPass_WritesAPassAtATimeUntilDone()
    {
        var members = CodeDistributor.BatchesPerPass + 10;
        var campaigns = new SqliteCampaignStore(temp.Database);
        var plans = new SqliteCampaignPlanStore(temp.Database);
        var distributions = new SqliteCodeDistributionStore(temp.Database);
        var segment = (await new SqliteSegmentStore(temp.Database).CreateAsync(new Segment(Ids.New("seg", _clock), "All", null, null), default)).Value!;
        var customers = SealedCustomerStores.Create(temp.Database);
        for (var i = 0; i < members; i++)
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            await customers.CreateAsync(new Customer(Ids.New("cus", _clock), null, null, null, [segment.Id], Start, null, PurchaseHistory.None), default);
        }

        var promotionId = Ids.New("prm", _clock);
        await new SqliteCodeStore(temp.Database, _clock).InsertAsync("job_resume", [.. Enumerable.Range(0, members).Select(i =>
        {
            _clock.Advance(TimeSpan.FromMilliseconds(1));
            return new PromoCode(Ids.New("cod", _clock), promotionId, $"R{promotionId[^10..].ToUpperInvariant()}{i:D3}", 0, 1, true, null);
        })], default);
        var plan = new CampaignPlan(
            [new PlanStage("launch", Start, null, [new StageChange(StageChangeKind.DistributeCodes, promotionId, null, segment.Id, 1)])], 1);
        var campaign = (await campaigns.CreateAsync(new Campaign(Ids.New("cmp", _clock), "Resume", null, Start, Start.AddDays(1),
            LifecycleStatus.Active, null, null, null, null, Start, Start, Plan: plan), default)).Value!;
        await plans.WriteStepAsync(StagePlanner.Plan(campaign, new DueStep(0, Start, StepOutcome.Applied), new Dictionary<string, Promotion>(), _clock), default);
        var distributor = new CodeDistributor(campaigns, plans, distributions, customers, new SqliteSegmentStore(temp.Database), _clock);

        await distributor.ResumeAsync(campaign.Id, default);
        var first = Assert.Single(await distributions.ListAsync(campaign.Id, 1, default));
        await distributor.ResumeAsync(campaign.Id, default);
        var second = Assert.Single(await distributions.ListAsync(campaign.Id, 1, default));

        Assert.Equal((DistributionState.Running, CodeDistributor.BatchesPerPass), (first.State, first.Batches));
        Assert.Equal((DistributionState.Completed, members, members), (second.State, second.Batches, second.Distributed));
    }
}
