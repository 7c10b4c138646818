using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Codes;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;

namespace Promotions.Contracts.Redemptions;

/// <summary>
/// What every redemption ledger promises, run against each adapter: limits held together under concurrency,
/// refusals that leave no trace, holds that expire, reversals given back exactly once, events in the outbox.
/// </summary>
public abstract partial class RedemptionLedgerContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    // Built once, before any test starts tasks: every racing task must count against the same promotion and campaign.
    protected LedgerSamples Samples { get; }

    protected abstract IRedemptionLedger Ledger { get; }

    protected abstract IIdempotencyStore Idempotency { get; }

    protected abstract IOutbox Outbox { get; }

    protected abstract ICodeStore Codes { get; }

    protected RedemptionLedgerContract()
    {
        Samples = new LedgerSamples(Clock);
    }

    public abstract Task InitializeAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Redeem_WhenUnderEveryLimit_RecordsCountsChargesAndWritesTheEvent()
    {
        var code = await SeedCodeAsync(maxUses: 5);
        var redemption = Samples.Redemption("cus_1", code, discount: 10m);

        var result = await Ledger.RedeemAsync(new RedeemCommand(redemption, new RedemptionLimits(10, 2, 100m, "EUR")), null, default);

        Assert.True(result.IsSuccess);
        Assert.True(result.Value!.BudgetCharged);
        var stored = await Ledger.GetAsync(redemption.Id, default);
        Assert.Equal(RedemptionStatus.Confirmed, stored!.Status);
        Assert.Equal(redemption.Allocations, stored.Allocations);
        Assert.Equal(new LedgerUsage(1, 1, 10m), await UsageAsync("cus_1"));
        Assert.Equal(1, (await Codes.FindAsync(code, default))!.Uses);
        var recorded = Assert.Single(await EventsAsync<RedemptionRecorded>());
        Assert.Equal((redemption.Id, 10m, "cus_1", code), (recorded.RedemptionId, recorded.Discount, recorded.CustomerId, recorded.Code));
        Assert.Equal(["seg_vip"], recorded.SegmentIds);
    }

    [Fact]
    public async Task Redeem_1000ConcurrentAgainstACapOf100_ExactlyHundredSucceed()
    {
        var limits = new RedemptionLimits(MaxRedemptions: 100);
        var attempts = Enumerable.Range(0, 1000).Select(i => Samples.Redemption($"cus_{i}")).ToArray();

        var results = await Task.WhenAll(attempts.Select(r => Task.Run(() => Ledger.RedeemAsync(new RedeemCommand(r, limits), null, default))));

        Assert.Equal(100, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(RedemptionRejections.PromotionExhausted, r.Errors[0].Code));
        Assert.Equal(100, (await UsageAsync(null)).PromotionRedemptions);
        var stored = await Task.WhenAll(attempts.Select(r => Ledger.GetAsync(r.Id, default)));
        Assert.Equal(100, stored.Count(s => s is not null));
        Assert.Equal(100, (await EventsAsync<RedemptionRecorded>()).Count);
    }

    [Fact]
    public async Task Redeem_ManyConcurrentByOneCustomerWithALimitOf3_ExactlyThreeSucceed()
    {
        var limits = new RedemptionLimits(PerCustomerLimit: 3);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            Task.Run(() => Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_same"), limits), null, default))));

        Assert.Equal(3, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(RedemptionRejections.CustomerLimitReached, r.Errors[0].Code));
        Assert.Equal(new LedgerUsage(3, 3, 0m), await UsageAsync("cus_same"));
    }

    [Fact]
    public async Task Redeem_ConcurrentAgainstAMoneyBudget_SpendsExactlyFloorOfBudgetOverDiscount()
    {
        const decimal budget = 1000m;
        const decimal discount = 7.30m;
        var limits = new RedemptionLimits(BudgetAmount: budget, BudgetCurrency: "EUR");

        var results = await Task.WhenAll(Enumerable.Range(0, 300).Select(i =>
            Task.Run(() => Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption($"cus_{i}", discount: discount), limits), null, default))));

        var expected = (int)Math.Floor(budget / discount);
        var spent = (await UsageAsync(null)).BudgetSpent;
        Assert.Equal((expected, expected * discount), (results.Count(r => r.IsSuccess), spent));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(RedemptionRejections.BudgetExhausted, r.Errors[0].Code));
        Assert.Equal(expected * discount, spent);
        Assert.True(spent <= budget);
    }

    [Fact]
    public async Task Redeem_200ConcurrentOnASingleUseCode_ExactlyOneSucceedsAndTheRestAreExhausted()
    {
        var code = await SeedCodeAsync(maxUses: 1);

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption($"cus_{i}", code), RedemptionLimits.None), null, default))));

        Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(RedemptionRejections.CodeExhausted, r.Errors[0].Code));
        Assert.Equal(1, (await Codes.FindAsync(code, default))!.Uses);
    }

    [Fact]
    public async Task Redeem_WhenTheBudgetRefuses_LeavesNoTraceOfTheEarlierChecks()
    {
        var code = await SeedCodeAsync(maxUses: 5);
        var limits = new RedemptionLimits(10, 5, 5m, "EUR");

        var result = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1", code, discount: 10m), limits), null, default);

        Assert.Equal(RedemptionRejections.BudgetExhausted, result.Errors[0].Code);
        Assert.Equal(new LedgerUsage(0, 0, 0m), await UsageAsync("cus_1"));
        Assert.Equal(0, (await Codes.FindAsync(code, default))!.Uses);
        Assert.Empty(await EventsAsync<RedemptionRecorded>());
    }

    [Theory]
    [InlineData("exhausted", RedemptionRejections.CodeExhausted)]
    [InlineData("inactive", RedemptionRejections.CodeInactive)]
    [InlineData("expired", RedemptionRejections.CodeExpired)]
    [InlineData("other_customer", RedemptionRejections.CodeNotForCustomer)]
    [InlineData("missing", RedemptionRejections.UnknownCode)]
    public async Task Redeem_WhenTheCodeCannotBeUsed_SaysPreciselyWhy(string state, string expected)
    {
        var text = Samples.NewCodeText();
        PromoCode? code = state switch
        {
            "exhausted" => Samples.Code(text) with { Uses = 1 },
            "inactive" => Samples.Code(text, active: false),
            "expired" => Samples.Code(text, expiresAt: Clock.GetUtcNow()),
            "other_customer" => Samples.Code(text, assignedTo: "cus_other"),
            _ => null,
        };
        if (code is not null)
        {
            await Codes.InsertAsync("cjb_seed", [code], default);
        }

        var result = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1", text), RedemptionLimits.None), null, default);

        Assert.Equal(expected, result.Errors[0].Code);
    }

    [Fact]
    public async Task Redeem_WhenSpendCrossesThresholds_WritesEachCrossingOnce()
    {
        var limits = new RedemptionLimits(BudgetAmount: 100m, BudgetCurrency: "EUR");
        foreach (var discount in new[] { 40m, 20m, 30m, 10m })
        {
            Assert.True((await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption(discount: discount), limits), null, default)).IsSuccess);
        }

        var crossed = await EventsAsync<BudgetThresholdCrossed>();

        Assert.Equal([(50, 60m), (80, 90m), (100, 100m)], crossed.Select(e => (e.ThresholdPercent, e.Spent)).ToArray());
    }

    protected async Task<string> SeedCodeAsync(int maxUses = 1)
    {
        var text = Samples.NewCodeText();
        await Codes.InsertAsync("cjb_seed", [Samples.Code(text, maxUses)], default);
        return text;
    }

    protected Task<LedgerUsage> UsageAsync(string? customerId) =>
        Ledger.GetUsageAsync(Samples.PromotionId, customerId, Samples.CampaignId, default);

    /// <summary>The pending events of type <typeparamref name="T"/> that belong to this test's promotion or campaign.</summary>
    protected async Task<List<T>> EventsAsync<T>()
        where T : DomainEvent
    {
        var messages = await Outbox.ReadPendingAsync(100_000, default);
        return messages
            .Where(m => m.Payload.Contains(Samples.Scope, StringComparison.Ordinal))
            .Select(m => System.Text.Json.JsonSerializer.Deserialize(m.Payload, EventJson.Default.DomainEvent))
            .OfType<T>()
            .ToList();
    }
}
