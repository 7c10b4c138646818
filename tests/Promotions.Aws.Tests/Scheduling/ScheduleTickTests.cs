using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Promotions.Aws.Tests.Admin;
using Promotions.Aws.Tests.Support;
using Promotions.Aws.Tests.Support.Lambda;
using Promotions.Contracts.Support;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Scheduling;

/// <summary>
/// The schedule on AWS, through the path its tick takes there: the EventBridge rule's scheduled event is a message on an
/// SQS queue, received and delivered to the Admin API's <c>/events/admin</c> as Lambda's SQS integration does, by the
/// Admin API in AWS mode on DynamoDB (moto), on a fake clock. Nothing runs on a timer in that host.
/// </summary>
public sealed class ScheduleTickTests : IClassFixture<AwsTestResources>, IAsyncLifetime, IDisposable
{
    private readonly AwsTestResources _aws;
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private readonly AdminOnAws _host;
    private readonly HttpClient _events;
    private readonly string _suffix = Guid.NewGuid().ToString("N")[..10];
    private string _queueUrl = "";
    private string _queueArn = "";

    public ScheduleTickTests(AwsTestResources aws)
    {
        _aws = aws;
        _host = new AdminOnAws(aws, new Dictionary<string, string>(), services => services.AddSingleton<TimeProvider>(_clock));
        _events = _host.As(Roles.Admin);
    }

    private DateTimeOffset T0 { get; set; }

    private IServiceProvider Services => _host.Services;

    public async Task InitializeAsync()
    {
        T0 = _clock.GetUtcNow();
        _queueUrl = await _aws.CreateQueueAsync("schedule-ticks-" + _suffix, new() { ["VisibilityTimeout"] = "30" });
        _queueArn = (await _aws.Sqs.GetQueueAttributesAsync(_queueUrl, ["QueueArn"])).Attributes["QueueArn"];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _events.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task Tick_OverTheQueue_TakesAScheduledPromotionLiveAtItsStartAndEndsItAtItsEnd()
    {
        var (start, end) = (T0.AddMinutes(5), T0.AddMinutes(10));
        var (campaign, promotion) = await ScheduleAsync(start, end);

        await TickAsync();
        Assert.Equal(LifecycleStatus.Scheduled, await StatusAsync(promotion.Id));

        _clock.SetUtcNow(start);
        await TickAsync();
        Assert.Equal(LifecycleStatus.Active, (await Services.GetRequiredService<ICampaignStore>().GetAsync(campaign.Id, default))!.Status);
        var live = (await Services.GetRequiredService<IPromotionStore>().GetAsync(promotion.Id, default))!;
        Assert.Equal((LifecycleStatus.Active, promotion.Version + 1), (live.Status, live.Version));
        var published = Assert.Single(await OutboxReader.PendingAsync<PromotionPublished>(Outbox, e => e.PromotionId == promotion.Id));
        Assert.Equal("schedule", published.Actor);

        // A late tick, after the step was applied: nothing more.
        await TickAsync();
        Assert.Equal(promotion.Version + 1, (await Services.GetRequiredService<IPromotionStore>().GetAsync(promotion.Id, default))!.Version);

        _clock.SetUtcNow(end);
        await TickAsync();
        Assert.Equal(LifecycleStatus.Ended, await StatusAsync(promotion.Id));
        Assert.Equal(LifecycleStatus.Ended, (await Services.GetRequiredService<ICampaignStore>().GetAsync(campaign.Id, default))!.Status);
        Assert.Single(await OutboxReader.PendingAsync<PromotionPublished>(Outbox, e => e.PromotionId == promotion.Id));
    }

    [Fact]
    public async Task Ticks_DeliveredAtOnceByTwoInvocations_ApplyTheStepOnce()
    {
        var (start, end) = (T0.AddMinutes(5), T0.AddMinutes(10));
        var (campaign, promotion) = await ScheduleAsync(start, end);
        _clock.SetUtcNow(start);

        for (var i = 0; i < 4; i++)
        {
            await SendTickAsync();
        }

        // Four invocations at once, one message each, as Lambda scales an SQS source out.
        var polls = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Source(batchSize: 1).PollAsync()));

        Assert.Equal(4, polls.Sum(p => p.Received.Count));
        Assert.All(polls, p => Assert.Equal(p.Received.Count, p.Acknowledged.Count));
        Assert.Equal(campaign.Version + 1, (await Services.GetRequiredService<ICampaignStore>().GetAsync(campaign.Id, default))!.Version);
        var stored = (await Services.GetRequiredService<IPromotionStore>().GetAsync(promotion.Id, default))!;
        Assert.Equal((LifecycleStatus.Active, promotion.Version + 1), (stored.Status, stored.Version));
        Assert.Single(await OutboxReader.PendingAsync<PromotionPublished>(Outbox, e => e.PromotionId == promotion.Id));
        Assert.Single(await OutboxReader.PendingAsync<PromotionChanged>(Outbox, e => e.PromotionId == promotion.Id && e.Actor == "schedule"));
    }

    [Fact]
    public async Task Tick_WhenACampaignSpendsAheadOfItsPace_PausesItsPromotion()
    {
        // 1,000 EUR over ten days, a day of it gone: the line is 100 and the tolerance lets the spend reach 200.
        var campaigns = Services.GetRequiredService<ICampaignStore>();
        var campaign = (await campaigns.CreateAsync(
            new Campaign(Id("cmp", "paced"), "Paced", null, T0.AddDays(-1), T0.AddDays(9), LifecycleStatus.Active, null,
                new Budget(1000m, "EUR") { Pacing = new BudgetPacing(PacingMode.Even, Tolerance: 0.1m) }, null, null, T0, T0), default)).Value!;
        var promotion = await PromotionAsync("paced", campaign.Id, null, null, LifecycleStatus.Active);

        await SpendAsync(campaign.Id, promotion.Id, 150m);
        await TickAsync();
        Assert.Equal(LifecycleStatus.Active, await StatusAsync(promotion.Id));

        await SpendAsync(campaign.Id, promotion.Id, 100m);
        await TickAsync();
        var paused = (await Services.GetRequiredService<IPromotionStore>().GetAsync(promotion.Id, default))!;
        Assert.Equal((LifecycleStatus.Paused, true), (paused.Status, paused.Paced));
        var paced = Assert.Single(await OutboxReader.PendingAsync<CampaignPaced>(Outbox, e => e.CampaignId == campaign.Id));
        Assert.Equal((250m, 100m, "pacing"), (paced.Spent, paced.Line, paced.Actor));
    }

    private IOutbox Outbox => Services.GetRequiredService<IOutbox>();

    private string Id(string prefix, string name) => $"{prefix}_{name}_{_suffix}";

    private SqsEventSource Source(int batchSize = 10) =>
        new(_aws.Sqs, _queueUrl, _queueArn, Emulator.Region, new LambdaFunction(_events, "/events/admin")) { BatchSize = batchSize };

    private async Task SendTickAsync() =>
        await _aws.Sqs.SendMessageAsync(_queueUrl, ScheduleEvents.Scheduled(_clock.GetUtcNow(), Emulator.Region, "ScheduleTickRule").ToJsonString());

    /// <summary>What the rule and the queue's mapping do once: the tick on the queue, received, delivered, acknowledged.</summary>
    private async Task TickAsync()
    {
        await SendTickAsync();
        var poll = await Source().PollAsync();
        var tick = Assert.Single(poll.Received);
        Assert.Equal([tick.MessageId], poll.Acknowledged.Select(m => m.MessageId));
    }

    private async Task<LifecycleStatus> StatusAsync(string promotionId) =>
        (await Services.GetRequiredService<IPromotionStore>().GetAsync(promotionId, default))!.Status;

    private async Task<(Campaign Campaign, Promotion Promotion)> ScheduleAsync(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var campaign = (await Services.GetRequiredService<ICampaignStore>().CreateAsync(
            new Campaign(Id("cmp", "sched"), "Summer", null, startsAt, endsAt, LifecycleStatus.Scheduled, null, null, null, null, T0, T0), default)).Value!;
        return (campaign, await PromotionAsync("sched", campaign.Id, startsAt, endsAt, LifecycleStatus.Scheduled));
    }

    private async Task<Promotion> PromotionAsync(string name, string campaignId, DateTimeOffset? startsAt, DateTimeOffset? endsAt, LifecycleStatus status)
    {
        var draft = new Promotion(Id("prm", name), campaignId, "Ten off", null, PromotionKind.Automatic, startsAt, endsAt, status,
            JsonDocument.Parse("""{"type":"percent_off","percent":10}""").RootElement, [], ["in_store"], 0, Stacking.Default, null, 0, null, T0, T0);
        return (await Services.GetRequiredService<IPromotionStore>().CreateAsync(draft, CatalogEvents.PromotionWritten(null, draft, _clock), default)).Value!;
    }

    private async Task SpendAsync(string campaignId, string promotionId, decimal discount)
    {
        var redemption = new Domain.Redemptions.Redemption(Guid.NewGuid().ToString("N"), promotionId, null, null, "in_store", _clock.GetUtcNow(), "order", 1000m, discount, "EUR",
            [new LineAllocation("a", discount)], RedemptionStatus.Confirmed)
        {
            CampaignId = campaignId,
            Lines = [new RedeemedLine("a", 1, discount)],
        };
        var ledger = Services.GetRequiredService<IRedemptionLedger>();
        Assert.True((await ledger.RedeemAsync(new RedeemCommand(redemption, new RedemptionLimits(BudgetAmount: 1000m, BudgetCurrency: "EUR")), null, default)).IsSuccess);
    }
}
