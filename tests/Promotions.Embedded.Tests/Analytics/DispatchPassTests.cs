using Microsoft.Extensions.Logging.Abstractions;
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
    private readonly SqliteDatabase _ledger;
    private readonly SqliteOutbox _outbox;

    public DispatchPassTests()
    {
        _ledger = _analytics.Database.Database;
        _outbox = new SqliteOutbox(_ledger, new FakeTimeProvider(Day0));
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

        await Assert.ThrowsAsync<IOException>(() => new DispatchPass(crashing, [consumer], NullLogger<DispatchPass>.Instance)
            .RunAsync(100, CancellationToken.None));
        Assert.Single(await _outbox.ReadPendingAsync(10, CancellationToken.None));
        var second = await new DispatchPass(_outbox, [consumer], NullLogger<DispatchPass>.Instance).RunAsync(100, CancellationToken.None);

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
        var pending = Assert.Single(await _outbox.ReadPendingAsync(10, CancellationToken.None));
        Assert.Equal("evt_bad", pending.EventId);
    }

    public void Dispose() => _analytics.Dispose();

    private DispatchPass Pass(params IEventConsumer[] consumers) => new(_outbox, consumers, NullLogger<DispatchPass>.Instance);

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

        public Task<ConsumeOutcome> ConsumeAsync(string envelope, CancellationToken ct) =>
            envelope.Contains(eventId, StringComparison.Ordinal)
                ? throw new InvalidOperationException("The consumer's store is down.")
                : Task.FromResult(ConsumeOutcome.Applied);
    }
}
