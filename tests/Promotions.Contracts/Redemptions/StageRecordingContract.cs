using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Promotions.Contracts.Support;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Carts;
using Promotions.Domain.Common;
using Promotions.Domain.Customers;
using Promotions.Domain.Discounts;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Offers;
using Promotions.Domain.Plans;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;

namespace Promotions.Contracts.Redemptions;

/// <summary>
/// The stage a redemption belongs to, from the plan to the ledger, on every adapter set: the plan runner's step makes an
/// applied stage the campaign's current stage (a skipped one leaves it), checkout quotes against the live catalog and
/// records that stage on the part, and the part's <c>redemption_recorded</c> event carries it (a hold's too, when
/// confirmed in a later stage).
/// </summary>
public abstract class StageRecordingContract : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 7, 1, 12, 0, 0, TimeSpan.Zero);

    protected FakeTimeProvider Clock { get; } = new(Start);

    /// <summary>A port of the adapter set under test, which runs on <see cref="Clock"/>.</summary>
    protected abstract T Port<T>()
        where T : notnull;

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task RunDue_WhenStagesApplyOrAreSkipped_RecordsTheCurrentStageOnEachRedemptionAndItsEvent()
    {
        var (campaign, promotion) = await SeedAsync();
        var runner = Runner();
        var ledger = Port<IRedemptionLedger>();

        Assert.Single(await runner.RunDueAsync(default));
        var teased = await Port<ICampaignStore>().GetAsync(campaign, default);
        Assert.Equal((new CampaignStage(0, "teaser"), LifecycleStatus.Active), (teased!.Stage, teased.Status));
        var inTeaser = await RedeemAsync(promotion, hold: false);
        var held = await RedeemAsync(promotion, hold: true);

        Clock.Advance(TimeSpan.FromHours(1));
        Assert.Single(await runner.RunDueAsync(default));
        var inLaunch = await RedeemAsync(promotion, hold: false);
        var confirmed = await ledger.ConfirmAsync(held, null, default);
        Assert.True(confirmed.IsSuccess, confirmed.IsSuccess ? null : confirmed.Errors[0].Code);

        // The reminder's condition holds (a share spent of at least 0): it is skipped and the campaign stays in the launch stage.
        Clock.Advance(TimeSpan.FromHours(1));
        var skipped = Assert.Single(await runner.RunDueAsync(default));
        Assert.Equal(StepOutcome.Skipped, skipped.Outcome);
        var stillLaunch = await RedeemAsync(promotion, hold: false);

        Assert.Equal(new CampaignStage(0, "teaser"), await StageOfAsync(inTeaser));
        Assert.Equal(new CampaignStage(0, "teaser"), await StageOfAsync(held));
        Assert.Equal(new CampaignStage(1, "launch"), await StageOfAsync(inLaunch));
        Assert.Equal(new CampaignStage(1, "launch"), await StageOfAsync(stillLaunch));
        var recorded = await OutboxReader.PendingAsync<RedemptionRecorded>(
            Port<IOutbox>(), e => e.CampaignId == campaign);
        Assert.Equal(
            [(inTeaser, "teaser"), (held, "teaser"), (inLaunch, "launch"), (stillLaunch, "launch")],
            recorded.Select(e => (e.RedemptionId[..^2], e.Stage!.Name)).OrderBy(e => e.Item1, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Redeem_WhenTheCampaignsPlanWasTakenOff_RecordsNoStage()
    {
        var (campaign, promotion) = await SeedAsync();
        var campaigns = Port<ICampaignStore>();
        await Runner().RunDueAsync(default);
        var staged = (await campaigns.GetAsync(campaign, default))!;
        Assert.Equal(WriteStatus.Written, (await campaigns.UpdateAsync(staged with { Plan = null }, staged.Version, default)).Status);

        var redeemed = await RedeemAsync(promotion, hold: false);

        Assert.Null(await StageOfAsync(redeemed));
        Assert.Null(Assert.Single(await OutboxReader.PendingAsync<RedemptionRecorded>(
            Port<IOutbox>(), e => e.CampaignId == campaign)).Stage);
    }

    // Quoted and recorded as checkout does it: the live catalog's snapshot, the discount engine, QuotedOrder, the ledger.
    private async Task<string> RedeemAsync(string promotionId, bool hold)
    {
        Clock.Advance(TimeSpan.FromSeconds(2));
        using var catalog = new LiveCatalog(
            Port<IPromotionStore>(), Port<ICampaignStore>(),
            Port<ISegmentStore>(), Clock);
        var snapshot = await catalog.GetAsync(default);
        var live = Assert.Single(snapshot.Promotions, p => p.Id == promotionId);
        var cart = new Cart("EUR", [new CartLine("a", "SKU-A", null, 2, 30m)], 0m);
        var quote = DiscountEngine.Quote(cart, [new QuoteCandidate(live.Id, live.Compiled.Effect, 0, live.Promotion.Stacking)], QuotePolicy.Default);
        var id = Ids.New("rdm", Clock);
        var now = Clock.GetUtcNow();
        var command = QuotedOrder.Command(id, "order-" + id, cart, CustomerProfile.Anonymous with { Id = "cus_stage" }, "web", quote, snapshot,
            now, hold ? now.AddHours(2) : null);
        var result = await Port<IRedemptionLedger>().RedeemAsync(command, null, default);
        Assert.True(result.IsSuccess, result.IsSuccess ? null : result.Errors[0].Message);
        return id;
    }

    private PlanRunner Runner() => new(
        Port<ICampaignStore>(), Port<IPromotionStore>(), Port<ICampaignPlanStore>(), Port<IPromotionSearch>(), Port<IRedemptionLedger>(), Clock);

    private async Task<CampaignStage?> StageOfAsync(string redemptionId) =>
        Assert.Single((await Port<IRedemptionLedger>().GetAsync(redemptionId, default))!.Redemptions).Stage;

    /// <summary>A scheduled campaign whose plan activates it and its promotion (teaser), launches an hour later and, an
    /// hour after that, would pause the promotion (reminder) but for a skip condition that holds; the promotion is a draft
    /// until the teaser.</summary>
    private async Task<(string Campaign, string Promotion)> SeedAsync()
    {
        var campaignId = Ids.New("cmp", Clock);
        var promotionId = Ids.New("prm", Clock);
        var plan = new CampaignPlan(
        [
            new PlanStage("teaser", Start, null, [new StageChange(StageChangeKind.Activate), new StageChange(StageChangeKind.Activate, promotionId)]),
            new PlanStage("launch", null, TimeSpan.FromHours(1), []),
            new PlanStage("reminder", null, TimeSpan.FromHours(1), [new StageChange(StageChangeKind.Pause, promotionId)], new SkipCondition(0m)),
        ], 1);
        await Port<ICampaignStore>().CreateAsync(
            new Campaign(campaignId, "Staged", null, Start, Start.AddDays(5), LifecycleStatus.Scheduled, null, new Budget(1000m, "EUR"), null, null,
                Start, Start, Plan: plan),
            default);
        var effect = JsonDocument.Parse("""{"type":"percent_off","percent":10,"target":{"scope":"order"}}""").RootElement.Clone();
        var draft = new Promotion(promotionId, campaignId, "10 %", null, PromotionKind.Automatic, null, null, LifecycleStatus.Draft, effect, [],
            ["web"], 0, Stacking.Default, null, 0, null, Start, Start);
        await Port<IPromotionStore>().CreateAsync(draft, CatalogEvents.PromotionWritten(null, draft, Clock), default);
        return (campaignId, promotionId);
    }
}
