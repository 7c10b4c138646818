using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Promotions.Aws.Redemptions;
using Promotions.Aws.Tests.Support;
using Promotions.Aws.Tests.Support.Lambda;
using Promotions.Contracts.Redemptions;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Tests.Events;

/// <summary>
/// Hold expiry by the Redemption function's one-minute schedule, on the DynamoDB ledger the AWS adapters register:
/// holds reserved through the app's own ledger, the schedule posted as EventBridge posts it, and the holds and
/// counters read back. A class of its own, so its holds and their events stay out of the other relay tests' tables.
/// </summary>
public sealed class ScheduleHoldExpiryTests(AwsTestResources aws) : IClassFixture<AwsTestResources>
{
    private static readonly DateTimeOffset Start = new(2024, 3, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Schedule_ExpiresTheDueHoldsOnly_AndGivesTheirUsesBack()
    {
        var clock = new FakeTimeProvider(Start);
        await using var stack = await RelayStack.StartAsync(aws, services: s => s.AddSingleton<TimeProvider>(clock));
        var ledger = stack.Redemption.Services.GetRequiredService<IRedemptionLedger>();
        var samples = new LedgerSamples(clock);
        var due = await HoldAsync(ledger, samples, 3, clock.GetUtcNow().AddMinutes(5));
        var later = await HoldAsync(ledger, samples, 1, clock.GetUtcNow().AddMinutes(30));
        clock.Advance(TimeSpan.FromMinutes(6));

        var invocation = await stack.Relay.InvokeAsync(ScheduleEvents.Scheduled(clock.GetUtcNow(), Emulator.Region), default);

        Assert.IsType<DynamoDbRedemptionLedger>(ledger);
        Assert.IsType<DynamoDbIdempotencyStore>(stack.Redemption.Services.GetRequiredService<IIdempotencyStore>());
        Assert.Equal(200, invocation.Status);
        Assert.Equal(3, invocation.Result!.Value.GetProperty("holdsExpired").GetInt32());
        foreach (var hold in due)
        {
            Assert.Equal(RedemptionStatus.Expired, (await ledger.GetAsync(hold.Id, default))!.Status);
        }

        Assert.Equal(RedemptionStatus.Reserved, (await ledger.GetAsync(later[0].Id, default))!.Status);
        Assert.Equal(new LedgerUsage(1, 0, 10m), await ledger.GetUsageAsync(samples.PromotionId, null, samples.CampaignId, default));
    }

    [Fact]
    public async Task Schedule_WhenMoreHoldsAreDueThanOneRunExpires_StopsAtItsBatchesAndTheNextRunGoesOn()
    {
        // Earlier than the other test, whose hold that is not yet due must never be due here.
        var clock = new FakeTimeProvider(Start.AddMonths(-1));
        await using var stack = await RelayStack.StartAsync(aws,
            new() { ["Aws:Relay:HoldBatchSize"] = "4", ["Aws:Relay:HoldBatches"] = "2" },
            s => s.AddSingleton<TimeProvider>(clock));
        var ledger = stack.Redemption.Services.GetRequiredService<IRedemptionLedger>();
        var samples = new LedgerSamples(clock);
        var holds = await HoldAsync(ledger, samples, 11, clock.GetUtcNow().AddMinutes(1));
        clock.Advance(TimeSpan.FromMinutes(2));

        var first = await stack.Relay.InvokeAsync(ScheduleEvents.Scheduled(clock.GetUtcNow(), Emulator.Region), default);
        var afterFirst = (await ledger.GetUsageAsync(samples.PromotionId, null, null, default)).PromotionRedemptions;
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = await stack.Relay.InvokeAsync(ScheduleEvents.Scheduled(clock.GetUtcNow(), Emulator.Region), default);

        Assert.Equal((200, 200), (first.Status, second.Status));
        Assert.Equal((8, 3), (first.Result!.Value.GetProperty("holdsExpired").GetInt32(), second.Result!.Value.GetProperty("holdsExpired").GetInt32()));
        Assert.Equal(3, afterFirst);
        Assert.Equal(0, (await ledger.GetUsageAsync(samples.PromotionId, null, null, default)).PromotionRedemptions);
        Assert.Equal(holds.Count, (await Task.WhenAll(holds.Select(h => ledger.GetAsync(h.Id, default)))).Count(r => r!.Status == RedemptionStatus.Expired));
    }

    private static async Task<List<OrderRedemption>> HoldAsync(IRedemptionLedger ledger, LedgerSamples samples, int count, DateTimeOffset until)
    {
        var limits = new RedemptionLimits(MaxRedemptions: 100, BudgetAmount: 1_000m, BudgetCurrency: "EUR");
        var holds = new List<OrderRedemption>();
        for (var i = 0; i < count; i++)
        {
            var result = await ledger.RedeemAsync(new RedeemCommand(samples.Redemption(holdUntil: until), limits), null, default);
            Assert.True(result.IsSuccess);
            holds.Add(result.Value);
        }

        return holds;
    }
}
