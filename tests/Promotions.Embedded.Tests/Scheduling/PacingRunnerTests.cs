using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;
using Promotions.Domain.Scheduling;
using Promotions.Embedded.Campaigns;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Promotions;
using Promotions.Embedded.Redemptions;
using Promotions.Embedded.Search;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Scheduling;

/// <summary>Budget pacing on the embedded store: the ledger's real spend, the schedule's pass, the promotions' writes and events.</summary>
public sealed class PacingRunnerTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _temp = new();
    private readonly FakeTimeProvider _clock = new(T0);
    private readonly SqliteCampaignStore _campaigns;
    private readonly SqlitePromotionStore _promotions;
    private readonly SqliteRedemptionLedger _ledger;
    private readonly PacingRunner _runner;

    public PacingRunnerTests()
    {
        _campaigns = new SqliteCampaignStore(_temp.Database);
        _promotions = new SqlitePromotionStore(_temp.Database);
        _ledger = new SqliteRedemptionLedger(_temp.Database, _clock);
        _runner = new PacingRunner(_campaigns, _promotions, new SqlitePromotionSearch(_temp.Database), _ledger, _clock);
    }

    public Task InitializeAsync() => _temp.Database.InitializeAsync();

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Run_WhenSpendRunsAheadOfAnEvenPace_PausesWhatRunsAndResumesItWhenThePaceCatchesUp()
    {
        // 1,000 EUR over 10 days with a tolerance of 0.1: one day in, the line is 100 and the spend may reach 200.
        await CampaignAsync(new BudgetPacing(PacingMode.Even, Tolerance: 0.1m));
        await PromotionAsync("prm_a", LifecycleStatus.Active);
        await PromotionAsync("prm_b", LifecycleStatus.Active);
        await PromotionAsync("prm_manual", LifecycleStatus.Paused);
        _clock.SetUtcNow(T0.AddDays(1));
        await SpendAsync(250m);

        var paused = await _runner.RunAsync(default);
        var again = await _runner.RunAsync(default);
        _clock.SetUtcNow(T0.AddDays(2));
        var withinTolerance = await _runner.RunAsync(default);
        _clock.SetUtcNow(T0.AddDays(2.5));
        var resumed = await _runner.RunAsync(default);

        Assert.Equal([("prm_a", LifecycleStatus.Paused), ("prm_b", LifecycleStatus.Paused)], paused.Select(s => (s.Id, s.Status)));
        Assert.Empty(again);
        Assert.Empty(withinTolerance);
        Assert.Equal([("prm_a", LifecycleStatus.Active), ("prm_b", LifecycleStatus.Active)], resumed.Select(s => (s.Id, s.Status)));
        Assert.Equal((LifecycleStatus.Paused, false), await StateAsync("prm_manual"));
        Assert.Equal((LifecycleStatus.Active, false), await StateAsync("prm_a"));
        var events = await EventsAsync();
        var pacedEvent = Assert.IsType<CampaignPaced>(Assert.Single(events, e => e is CampaignPaced));
        Assert.Equal((250m, 100m, "EUR", "pacing"), (pacedEvent.Spent, pacedEvent.Line, pacedEvent.Currency, pacedEvent.Actor));
        var resumedEvent = Assert.IsType<CampaignResumed>(Assert.Single(events, e => e is CampaignResumed));
        Assert.Equal(250m, resumedEvent.Line);
        Assert.Equal(4, events.OfType<PromotionChanged>().Count(c => c.Actor == PacingRunner.Actor));
    }

    [Fact]
    public async Task Run_WithDailyPacing_PausesOnceTodaysAmountIsSpentAndResumesTheNextDay()
    {
        await CampaignAsync(new BudgetPacing(PacingMode.Daily, Amount: 100m));
        await PromotionAsync("prm_a", LifecycleStatus.Active);
        _clock.SetUtcNow(T0.AddHours(10));
        await SpendAsync(60m);
        Assert.Empty(await _runner.RunAsync(default));

        await SpendAsync(40m);
        var paused = await _runner.RunAsync(default);
        _clock.SetUtcNow(T0.AddDays(1));
        var resumed = await _runner.RunAsync(default);

        Assert.Equal(LifecycleStatus.Paused, Assert.Single(paused).Status);
        Assert.Equal(LifecycleStatus.Active, Assert.Single(resumed).Status);
    }

    [Fact]
    public async Task Run_WhenAMarketerMovedAPacedPromotion_LeavesItToThem()
    {
        await CampaignAsync(new BudgetPacing(PacingMode.Daily, Amount: 100m));
        await PromotionAsync("prm_a", LifecycleStatus.Active);
        await SpendAsync(100m);
        await _runner.RunAsync(default);
        var paced = (await _promotions.GetAsync("prm_a", default))!;

        // The Admin API's lifecycle move clears the mark (PromotionLifecycle): activated by hand, then paused by hand.
        var activated = paced with { Status = LifecycleStatus.Active, Paced = false };
        await _promotions.UpdateAsync(activated, paced.Version, [], default);
        await _promotions.UpdateAsync(activated with { Status = LifecycleStatus.Paused }, paced.Version + 1, [], default);
        _clock.SetUtcNow(T0.AddDays(1));

        Assert.Empty(await _runner.RunAsync(default));
        Assert.Equal((LifecycleStatus.Paused, false), await StateAsync("prm_a"));
    }

    private async Task CampaignAsync(BudgetPacing pacing) =>
        await _campaigns.CreateAsync(new Campaign("cmp_pace", "Paced", null, T0, T0.AddDays(10), LifecycleStatus.Active, null,
            new Budget(1000m, "EUR") { Pacing = pacing }, null, null, T0, T0), default);

    private async Task PromotionAsync(string id, LifecycleStatus status)
    {
        var promotion = new Promotion(id, "cmp_pace", id, null, PromotionKind.Automatic, null, null, status,
            JsonDocument.Parse("""{"type":"percent_off","percent":10}""").RootElement, [], ["web"], 0, Stacking.Default, null, 0, null, T0, T0);
        await _promotions.CreateAsync(promotion, [], default);
    }

    private async Task SpendAsync(decimal discount)
    {
        var redemption = new Redemption(Guid.NewGuid().ToString("N"), "prm_a", null, null, "web", _clock.GetUtcNow(), "order", 1000m, discount, "EUR",
            [new LineAllocation("a", discount)], RedemptionStatus.Confirmed)
        {
            CampaignId = "cmp_pace",
            Lines = [new RedeemedLine("a", 1, discount)],
        };
        Assert.True((await _ledger.RedeemAsync(new RedeemCommand(redemption, new RedemptionLimits(BudgetAmount: 1000m, BudgetCurrency: "EUR")), null, default)).IsSuccess);
    }

    private async Task<(LifecycleStatus, bool)> StateAsync(string id) =>
        (await _promotions.GetAsync(id, default)) is { } p ? (p.Status, p.Paced) : throw new InvalidOperationException(id);

    private async Task<List<DomainEvent>> EventsAsync() =>
        [.. (await new SqliteOutbox(_temp.Database, _clock).ReadPendingAsync(1000, default))
            .Select(m => JsonSerializer.Deserialize(m.Payload, EventJson.Default.DomainEvent)!)
            .Where(e => e is CampaignPaced or CampaignResumed or PromotionChanged)];
}
