using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Events;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;

namespace Promotions.Contracts.Redemptions;

/// <summary>
/// The races every redemption ledger must survive: every limit held under hundreds of concurrent calls, holds
/// confirmed while they expire, reversals given back once. Part of <see cref="RedemptionLedgerContract"/>, and on
/// its own for configurations of an adapter that the rest of the contract does not fit (sharded counters).
/// </summary>
public abstract class RedemptionLedgerRaces : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));

    // Built once, before any test starts tasks: every racing task must count against the same promotion and campaign.
    protected LedgerSamples Samples { get; }

    protected abstract IRedemptionLedger Ledger { get; }

    protected abstract IIdempotencyStore Idempotency { get; }

    protected abstract IOutbox Outbox { get; }

    protected abstract ICodeStore Codes { get; }

    protected RedemptionLedgerRaces()
    {
        Samples = new LedgerSamples(Clock);
    }

    public abstract Task InitializeAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// How many redemptions of <paramref name="discount"/> the budget race must record exactly: as many as fit the
    /// budget; an adapter that splits a budget into parts says how many fit those parts.
    /// </summary>
    protected virtual int ExpectedBudgetRedemptions(decimal budget, decimal discount) => (int)Math.Floor(budget / discount);

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
    public async Task Redeem_1000ConcurrentAgainstADailyCapOf100_ExactlyHundredSucceed()
    {
        var limits = PerPeriod(new PeriodLimit(LimitPeriod.Day, 100));
        var attempts = Enumerable.Range(0, 1000).Select(i => Samples.Redemption($"cus_{i}")).ToArray();

        var results = await Task.WhenAll(attempts.Select(r => Task.Run(() => Ledger.RedeemAsync(new RedeemCommand(r, limits), null, default))));

        Assert.Equal(100, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(RedemptionRejections.PeriodLimitReached, r.Errors[0].Code));
        Assert.Equal(100, await PeriodUsageAsync("day:2026-06-01"));
        Assert.Equal(100, (await UsageAsync(null)).PromotionRedemptions);
        Assert.Equal(100, (await EventsAsync<RedemptionRecorded>()).Count);
    }

    [Fact]
    public async Task Redeem_200ConcurrentByOneCustomerWithADailyLimitOf3_ExactlyThreeSucceed()
    {
        var limits = PerPeriod(new PeriodLimit(LimitPeriod.Day, 3, PerCustomer: true));

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            Task.Run(() => Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_same"), limits), null, default))));

        Assert.Equal(3, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(RedemptionRejections.CustomerPeriodLimitReached, r.Errors[0].Code));
        Assert.Equal(3, await PeriodUsageAsync("day:2026-06-01", "cus_same"));
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

        var expected = ExpectedBudgetRedemptions(budget, discount);
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
    public async Task ConfirmRacingExpiry_200Holds_EachEndsInExactlyOneOutcomeAndTheCountersAgree()
    {
        var start = Clock.GetUtcNow();
        var holds = Enumerable.Range(0, 200).Select(i => Samples.Redemption($"cus_{i}", holdUntil: start.AddSeconds(1 + (i % 20)))).ToArray();
        foreach (var hold in holds)
        {
            await Ledger.RedeemAsync(new RedeemCommand(hold, new RedemptionLimits(BudgetAmount: 10_000m, BudgetCurrency: "EUR")), null, default);
        }

        var confirms = holds.Select(h => Task.Run(() => Ledger.ConfirmAsync(h.Id, null, default))).ToArray();
        var sweeper = Task.Run(async () =>
        {
            for (var second = 0; second < 20; second++)
            {
                Clock.Advance(TimeSpan.FromSeconds(1));
                await Ledger.ExpireDueAsync(50, default);
            }
        });
        await Task.WhenAll([.. confirms, sweeper]);
        await Ledger.ExpireDueAsync(1000, default);

        var results = confirms.Select(c => c.Result).ToArray();
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(RedemptionRejections.ReservationExpired, r.Errors[0].Code));
        var statuses = await Task.WhenAll(holds.Select(async h => (await Ledger.GetAsync(h.Id, default))!.Status));
        var confirmed = results.Count(r => r.IsSuccess);
        Assert.Equal(confirmed, statuses.Count(s => s == RedemptionStatus.Confirmed));
        Assert.Equal(200 - confirmed, statuses.Count(s => s == RedemptionStatus.Expired));
        Assert.Equal(new LedgerUsage(confirmed, 0, confirmed * 10m), await UsageAsync(null));
        Assert.Equal(confirmed, (await EventsAsync<RedemptionRecorded>()).Count);
        Assert.Equal(200 - confirmed, (await EventsAsync<ReservationExpired>()).Count);
    }

    [Fact]
    public async Task Reverse_ConcurrentFullReversals_GiveBackExactlyOnce()
    {
        var redemption = Samples.Redemption("cus_1");
        await Ledger.RedeemAsync(new RedeemCommand(redemption, new RedemptionLimits(BudgetAmount: 100m, BudgetCurrency: "EUR")), null, default);

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
            Task.Run(() => Ledger.ReverseAsync(new ReverseCommand(redemption.Id, $"rev_{i}", null), null, default))));

        Assert.Single(results, r => r.IsSuccess);
        Assert.Equal(new LedgerUsage(0, 0, 0m), await UsageAsync("cus_1"));
    }

    /// <summary>
    /// Which limit binds a race of stacks of three promotions x (1.00), y (2.00) and z (3.00) of one campaign: x's cap
    /// of 100, y's limit of 3 per customer over 25 customers (75), or the shared budget of 540.00 (90 stacks).
    /// </summary>
    public static TheoryData<string> StackLimits { get; } = new() { "cap", "customer", "budget" };

    [Theory]
    [MemberData(nameof(StackLimits))]
    public async Task Redeem_1000ConcurrentStacks_NoLimitIsPassedAndNoStackIsRecordedInPart(string binding)
    {
        var cap = binding == "cap" ? 100 : (int?)null;
        var perCustomer = binding == "customer" ? 3 : (int?)null;
        var budget = binding == "budget" ? 540m : 100_000m;
        var limits = new[]
        {
            new RedemptionLimits(cap, null, budget, "EUR"),
            new RedemptionLimits(null, perCustomer, budget, "EUR"),
            new RedemptionLimits(null, null, budget, "EUR"),
        };
        var stacks = Enumerable.Range(0, 1000)
            .Select(i => Samples.Stack($"cus_{i % 25}", null, ("x", null, 1m), ("y", null, 2m), ("z", null, 3m)))
            .ToArray();

        var results = await Task.WhenAll(stacks.Select(o => Task.Run(() => Ledger.RedeemAsync(new RedeemCommand(o, limits), null, default))));

        var expected = binding switch { "cap" => 100, "customer" => 75, _ => ExpectedBudgetRedemptions(540m, 6m) };
        var recorded = results.Count(r => r.IsSuccess);
        Assert.Equal(expected, recorded);
        var refusal = binding switch
        {
            "cap" => RedemptionRejections.PromotionExhausted,
            "customer" => RedemptionRejections.CustomerLimitReached,
            _ => RedemptionRejections.BudgetExhausted,
        };
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal(refusal, r.Errors[0].Code));
        foreach (var part in new[] { "x", "y", "z" })
        {
            var usage = await Ledger.GetUsageAsync(Samples.StackPromotionId(part), null, Samples.CampaignId, default);
            Assert.Equal((recorded, recorded * 6m), (usage.PromotionRedemptions, usage.BudgetSpent));
        }

        var stored = (await Task.WhenAll(stacks.Select(o => Ledger.GetAsync(o.Id, default)))).OfType<OrderRedemption>().ToArray();
        Assert.Equal(recorded, stored.Length);
        Assert.All(stored, o => Assert.Equal(3, o.Redemptions.Count));
        Assert.Equal(3 * recorded, (await EventsAsync<RedemptionRecorded>()).Count);
    }

    protected async Task<string> SeedCodeAsync(int maxUses = 1, string? promotionId = null)
    {
        var text = Samples.NewCodeText();
        await Codes.InsertAsync("cjb_seed", [Samples.Code(text, maxUses, promotionId: promotionId)], default);
        return text;
    }

    protected static RedemptionLimits PerPeriod(params PeriodLimit[] limits) => RedemptionLimits.None with { PeriodLimits = limits };

    /// <summary>This test's promotion's count in <paramref name="period"/>, or <paramref name="customerId"/>'s.</summary>
    protected async Task<long> PeriodUsageAsync(string period, string? customerId = null)
    {
        var counter = new PeriodCounter(Samples.PromotionId, period);
        var usage = await Ledger.GetUsageBatchAsync(
            customerId is null ? new UsageQuery([], []) { Periods = [counter] } : new UsageQuery([], [], customerId) { CustomerPeriods = [counter] }, default);
        return customerId is null ? usage.Period(counter) : usage.CustomerPeriod(counter);
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
