using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Promotions.Contracts.Support;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.Contracts.Stores;

/// <summary>
/// The <see cref="ICampaignPlanStore"/> contract: a step's record, its campaign and promotion changes and its events are
/// written together exactly once; a second write of the step, or one on versions that moved, writes nothing.
/// </summary>
public abstract class CampaignPlanStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);

    protected abstract ICampaignStore Campaigns { get; }

    protected abstract IPromotionStore Promotions { get; }

    protected abstract ICampaignPlanStore Plans { get; }

    protected abstract IOutbox Outbox { get; }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WriteStep_WhenNothingMoved_WritesTheChangesTheRecordAndTheEventsOnce()
    {
        var (campaign, promotion) = await SeedAsync();
        var write = Plan(campaign, promotion);

        Assert.Equal(StageWriteStatus.Written, await Plans.WriteStepAsync(write, default));
        Assert.Equal(StageWriteStatus.AlreadyRan, await Plans.WriteStepAsync(Plan(campaign, promotion), default));

        var stored = await Campaigns.GetAsync(campaign.Id, default);
        Assert.Equal((LifecycleStatus.Active, campaign.Version + 1), (stored!.Status, stored.Version));
        var storedPromotion = await Promotions.GetAsync(promotion.Id, default);
        Assert.Equal((LifecycleStatus.Active, promotion.Version + 1), (storedPromotion!.Status, storedPromotion.Version));
        var record = Assert.Single(await Plans.ListStepsAsync(campaign.Id, 1, default));
        Assert.Equal((0, StepOutcome.Applied, 2), (record.Index, record.Outcome, record.Changes.Count));
        Assert.Empty(await Plans.ListStepsAsync(campaign.Id, 2, default));
        Assert.Single(await OutboxReader.PendingAsync<CampaignStageApplied>(Outbox, e => e.CampaignId == campaign.Id));
        Assert.Single(await OutboxReader.PendingAsync<PromotionPublished>(Outbox, e => e.PromotionId == promotion.Id));
        Assert.Contains(await Plans.ListWithPlansAsync(default), c => c.Id == campaign.Id);
    }

    [Fact]
    public async Task WriteStep_WhenThePromotionChangedSinceRead_ReturnsConflictAndWritesNothing()
    {
        var (campaign, promotion) = await SeedAsync();
        var write = Plan(campaign, promotion);
        var renamed = promotion with { Name = "Renamed" };
        await Promotions.UpdateAsync(renamed, promotion.Version, CatalogEvents.PromotionWritten(promotion, renamed with { Version = promotion.Version + 1 }, _clock), default);

        Assert.Equal(StageWriteStatus.Conflict, await Plans.WriteStepAsync(write, default));

        Assert.Empty(await Plans.ListStepsAsync(campaign.Id, 1, default));
        Assert.Equal(LifecycleStatus.Scheduled, (await Campaigns.GetAsync(campaign.Id, default))!.Status);
        Assert.Empty(await OutboxReader.PendingAsync<CampaignStageApplied>(Outbox, e => e.CampaignId == campaign.Id));
    }

    [Fact]
    public async Task WriteStep_WhenOnlyTheCampaignChangedSinceRead_ReturnsConflict()
    {
        var (campaign, promotion) = await SeedAsync();
        var write = Plan(campaign, promotion) with { Campaign = null, Promotions = [] };
        await Campaigns.UpdateAsync(campaign with { Name = "Renamed" }, campaign.Version, default);

        Assert.Equal(StageWriteStatus.Conflict, await Plans.WriteStepAsync(write, default));
        Assert.Empty(await Plans.ListStepsAsync(campaign.Id, 1, default));
    }

    private StageWrite Plan(Campaign campaign, Promotion promotion) =>
        StagePlanner.Plan(campaign, new DueStep(0, Start, StepOutcome.Applied), new Dictionary<string, Promotion> { [promotion.Id] = promotion }, _clock);

    private async Task<(Campaign Campaign, Promotion Promotion)> SeedAsync()
    {
        var campaignId = Ids.New("cmp", _clock);
        var promotionId = Ids.New("prm", _clock);
        var plan = new CampaignPlan(
            [new PlanStage("go live", Start, null, [new StageChange(StageChangeKind.Activate), new StageChange(StageChangeKind.Activate, promotionId)])], 1);
        var campaign = (await Campaigns.CreateAsync(
            new Campaign(campaignId, "Plan", null, Start, Start.AddDays(1), LifecycleStatus.Scheduled, null, null, null, null, Start, Start, Plan: plan),
            default)).Value!;
        var effect = JsonDocument.Parse("""{"type":"percent_off","percent":10,"target":{"scope":"order"}}""").RootElement.Clone();
        var draft = new Promotion(promotionId, campaignId, "10 %", null, PromotionKind.Automatic, null, null, LifecycleStatus.Draft, effect, [],
            ["web"], 0, Stacking.Default, null, 0, null, Start, Start);
        var promotion = (await Promotions.CreateAsync(draft, CatalogEvents.PromotionWritten(null, draft, _clock), default)).Value!;
        return (campaign, promotion);
    }
}
