using Microsoft.Extensions.Logging.Abstractions;
using MsOptions = Microsoft.Extensions.Options.Options;
using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Analytics;
using Promotions.Domain.Events;
using Promotions.Embedded.Dispatch;
using Promotions.Embedded.Outbox;
using Promotions.Embedded.Storage;
using static Promotions.Contracts.Analytics.AnalyticsSamples;

namespace Promotions.Embedded.Tests.Analytics;

public sealed class DispatchPassTests : IDisposable
{
    private readonly AnalyticsStoreFixture _analytics = new();
    private static readonly DispatchOptions Options = new() { MaxAttempts = 3, RetryDelay = TimeSpan.FromSeconds(1) };
    private readonly FakeTimeProvider _clock = new(Day0);
    private readonly SqliteDatabase _ledger;
    private readonly SqliteOutbox _outbox;
    private readonly DeliveryFailures _failures;

    public DispatchPassTests()
    {
        _ledger = _analytics.Database.Database;
        _outbox = new SqliteOutbox(_ledger, _clock);
        _failures = new DeliveryFailures(_ledger, _clock);
    }

    [Fact]
    public async Task Run_WhenEventsArePending_DeliversEachToAnalyticsAndMarksThem()
    {
        await AppendAsync(Redeemed("evt_1", "red_1", discount: 5m), Redeemed("evt_2", "red_2", discount: 7m));

        var result = await Pass(new AnalyticsConsumer(_analytics.Store)).RunAsync(100, CancellationToken.None);

        Assert.Equal(new DispatchResult(2, 2), result);
        Assert.Empty(await _outbox.ReadPendingAsync(10, CancellationToken.None));
        Assert.Equal(12m, (await CampaignTotalAsync()).DiscountGiven);
    }

    [Fact]
    public async Task Run_WhenTheRelayCrashesAfterDeliveryBeforeMarking_RedeliversAndAnalyticsCountsOnce()
    {
        await AppendAsync(Redeemed("evt_1", "red_1", discount: 5m));
        var consumer = new RecordingConsumer(new AnalyticsConsumer(_analytics.Store));
        var crashing = new CrashOnMarkOutbox(_outbox);

        await Assert.ThrowsAsync<IOException>(() => new DispatchPass(crashing, [consumer], _failures, MsOptions.Create(Options), NullLogger<DispatchPass>.Instance)
            .RunAsync(100, CancellationToken.None));
        Assert.Single(await _outbox.ReadPendingAsync(10, CancellationToken.None));
        var second = await Pass(consumer).RunAsync(100, CancellationToken.None);

        Assert.Equal(new DispatchResult(1, 1), second);
        Assert.Equal([ConsumeOutcome.Applied, ConsumeOutcome.Duplicate], consumer.Outcomes);
        Assert.Equal(1, (await CampaignTotalAsync()).Redemptions);
        Assert.Empty(await _outbox.ReadPendingAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Run_WhenAConsumerFailsOnOneEvent_LeavesItPendingAndMarksTheRest()
    {
        await AppendAsync(Redeemed("evt_1", "red_1"), Redeemed("evt_bad", "red_2"), Redeemed("evt_3", "red_3"));
        var failing = new FailingConsumer("evt_bad");

        var result = await Pass(new AnalyticsConsumer(_analytics.Store), failing).RunAsync(100, CancellationToken.None);

        Assert.Equal(new DispatchResult(3, 2), result);
        Assert.Empty(await _outbox.ReadPendingAsync(10, CancellationToken.None));
        _clock.Advance(Options.RetryDelay);
        var pending = Assert.Single(await _outbox.ReadPendingAsync(10, CancellationToken.None));
        Assert.Equal("evt_bad", pending.EventId);
    }

    [Fact]
    public async Task Run_WhenAnalyticsCannotApplyAnEvent_ParksItAfterTheLastAttemptAndAppliesTheEventsAfterIt()
    {
        // An order total whose minor units overflow a long: Analytics throws on it, every time.
        await AppendAsync(Redeemed("evt_1", "red_1", discount: 5m), Redeemed("evt_poison", "red_2", orderTotal: 1e17m),
            Redeemed("evt_3", "red_3", discount: 7m));
        var analytics = new RecordingConsumer(new AnalyticsConsumer(_analytics.Store));
        var pass = Pass(analytics);
        using var deadLetters = new DeadLetters(_ledger);

        var first = await pass.RunAsync(100, CancellationToken.None);
        var tries = 1;
        Assert.Equal(new DispatchResult(3, 2), first);
        Assert.Equal(12m, (await CampaignTotalAsync()).DiscountGiven);
        Assert.Equal(new DispatchResult(0, 0), await pass.RunAsync(100, CancellationToken.None));
        for (var wait = Options.RetryDelay; (await deadLetters.ListAsync(CancellationToken.None)).Count == 0 && tries < 10; wait *= 2)
        {
            _clock.Advance(wait);
            Assert.Equal(new DispatchResult(1, tries + 1 == Options.MaxAttempts ? 1 : 0), await pass.RunAsync(100, CancellationToken.None));
            tries++;
        }

        var letter = Assert.Single(await deadLetters.ListAsync(CancellationToken.None));
        Assert.Equal(Options.MaxAttempts, tries);
        Assert.Equal(("evt_poison", RedemptionRecorded.TypeName, "analytics", Options.MaxAttempts), (letter.EventId, letter.Type, letter.Consumer, letter.Attempts));
        Assert.StartsWith(nameof(OverflowException), letter.LastError, StringComparison.Ordinal);
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.Empty(await _outbox.ReadPendingAsync(10, CancellationToken.None));

        // Events after the parked one are current.
        await AppendAsync(Redeemed("evt_4", "red_4", discount: 1m));
        Assert.Equal(new DispatchResult(1, 1), await pass.RunAsync(100, CancellationToken.None));
        Assert.Equal((3L, 13m), ((await CampaignTotalAsync()).Redemptions, (await CampaignTotalAsync()).DiscountGiven));

        // A replay puts it back once; it fails again (the cause is not fixed), counted from the start.
        Assert.Equal(1, await deadLetters.ReplayAsync("evt_poison", CancellationToken.None));
        Assert.Equal(0, await deadLetters.ReplayAsync("evt_poison", CancellationToken.None));
        Assert.Empty(await deadLetters.ListAsync(CancellationToken.None));
        Assert.Equal("evt_poison", Assert.Single(await _outbox.ReadPendingAsync(10, CancellationToken.None)).EventId);
        Assert.Equal(new DispatchResult(1, 0), await pass.RunAsync(100, CancellationToken.None));
        Assert.Equal(3L, (await CampaignTotalAsync()).Redemptions);
    }

    [Fact]
    public async Task Run_WhenAnEventIsParkedForOneConsumer_TheOtherStillGetsItAndAReplayDeliversItToBoth()
    {
        await AppendAsync(Redeemed("evt_1", "red_1"), Redeemed("evt_bad", "red_2"));
        var failing = new FailingConsumer("evt_bad");
        var analytics = new RecordingConsumer(new AnalyticsConsumer(_analytics.Store));
        var pass = new DispatchPass(_outbox, [failing, analytics], _failures,
            MsOptions.Create(new DispatchOptions { MaxAttempts = 1 }), NullLogger<DispatchPass>.Instance);
        using var deadLetters = new DeadLetters(_ledger);

        Assert.Equal(new DispatchResult(2, 2), await pass.RunAsync(100, CancellationToken.None));

        var letter = Assert.Single(await deadLetters.ListAsync(CancellationToken.None));
        Assert.Equal(("evt_bad", "failing"), (letter.EventId, letter.Consumer));
        Assert.Equal(2, (await CampaignTotalAsync()).Redemptions);
        var calls = failing.Calls;
        Assert.Equal(1, await deadLetters.ReplayAsync(null, CancellationToken.None));
        Assert.Equal(new DispatchResult(1, 1), await pass.RunAsync(100, CancellationToken.None));
        Assert.True(failing.Calls > calls);
        Assert.Equal([ConsumeOutcome.Applied, ConsumeOutcome.Applied, ConsumeOutcome.Duplicate], analytics.Outcomes);
    }

    public void Dispose() => _analytics.Dispose();

    private DispatchPass Pass(params IEventConsumer[] consumers) =>
        new(_outbox, consumers, _failures, MsOptions.Create(Options), NullLogger<DispatchPass>.Instance);

    private Task<int> AppendAsync(params DomainEvent[] events) =>
        _ledger.WriteAsync(async (connection, transaction) =>
        {
            foreach (var e in events)
            {
                await OutboxRows.AppendAsync(connection, transaction, e, CancellationToken.None);
            }

            return events.Length;
        }, CancellationToken.None);

    private async Task<Measures> CampaignTotalAsync() =>
        Assert.Single(await _analytics.Store.ReadAsync(
            new AnalyticsSlice(AnalyticsScope.Campaign, "cmp_1", AnalyticsDimension.Total, DateRange.AllTime), CancellationToken.None)).Measures;

    /// <summary>The outbox of a process that dies while marking: delivery happened, the mark never commits.</summary>
    private sealed class CrashOnMarkOutbox(IOutbox inner) : IOutbox
    {
        public Task<IReadOnlyList<OutboxMessage>> ReadPendingAsync(int limit, CancellationToken ct) => inner.ReadPendingAsync(limit, ct);

        public Task MarkDispatchedAsync(IReadOnlyCollection<string> eventIds, CancellationToken ct) =>
            throw new IOException("The process died before marking.");
    }

    private sealed class RecordingConsumer(IEventConsumer inner) : IEventConsumer
    {
        public List<ConsumeOutcome> Outcomes { get; } = [];

        public string Name => inner.Name;

        public async Task<ConsumeOutcome> ConsumeAsync(string envelope, CancellationToken ct)
        {
            var outcome = await inner.ConsumeAsync(envelope, ct);
            Outcomes.Add(outcome);
            return outcome;
        }
    }

    private sealed class FailingConsumer(string eventId) : IEventConsumer
    {
        public string Name => "failing";

        public int Calls { get; private set; }

        public Task<ConsumeOutcome> ConsumeAsync(string envelope, CancellationToken ct)
        {
            if (!envelope.Contains(eventId, StringComparison.Ordinal))
            {
                return Task.FromResult(ConsumeOutcome.Applied);
            }

            Calls++;
            throw new InvalidOperationException("The consumer's store is down.");
        }
    }
}
