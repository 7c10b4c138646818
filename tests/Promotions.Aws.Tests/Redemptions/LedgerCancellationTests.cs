using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Time.Testing;
using Promotions.Aws.Dynamo;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Redemptions;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;
using RedemptionRecord = Promotions.Domain.Redemptions.Redemption;

namespace Promotions.Aws.Tests.Redemptions;

/// <summary>
/// Every refusal of the DynamoDB ledger read from a real cancelled transaction (the request log shows the cancelled
/// <c>TransactWriteItems</c> as the last request, with nothing read to decide), and concurrent changes landing
/// between a read and its write (a release, a confirm or the sweeper before a confirm's write; a lease taken over
/// before a redemption's write), which the transaction's conditions turn into exactly one outcome.
/// </summary>
public sealed class LedgerCancellationTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly LedgerSamples _samples;
    private readonly LedgerResources _aws;

    public LedgerCancellationTests()
    {
        _samples = new LedgerSamples(_clock);
        _aws = new LedgerResources(_clock);
    }

    public Task InitializeAsync() => _aws.InitializeAsync();

    public Task DisposeAsync() => _aws.DisposeAsync();

    [Theory]
    [MemberData(nameof(LedgerSamples.UnusableCodeStates), MemberType = typeof(LedgerSamples))]
    public async Task Redeem_EveryCodeRefusal_IsReadFromTheCancelledTransaction(string state, string expected)
    {
        var text = _samples.NewCodeText();
        var code = _samples.UnusableCode(state, text);
        if (code is not null)
        {
            await _aws.Codes.InsertAsync("cjb_seed", [code], default);
        }

        var (result, sent) = await LoggedAsync(() => RedeemAsync(_samples.Redemption("cus_1", text), RedemptionLimits.None));

        Assert.Equal(expected, result.Errors[0].Code);
        AssertDecidedByTheCancellation(sent);
        Assert.Equal(code?.Uses ?? 0, (await _aws.Codes.FindAsync(text, default))?.Uses ?? 0);
    }

    [Theory]
    [InlineData(RedemptionRejections.PromotionExhausted)]
    [InlineData(RedemptionRejections.CustomerLimitReached)]
    [InlineData(RedemptionRejections.BudgetExhausted)]
    [InlineData(RedemptionRejections.PeriodLimitReached)]
    [InlineData(RedemptionRejections.CustomerPeriodLimitReached)]
    public async Task Redeem_EveryLimitRefusal_IsReadFromTheCancelledTransaction(string expected)
    {
        var limits = expected switch
        {
            RedemptionRejections.PromotionExhausted => new RedemptionLimits(MaxRedemptions: 1),
            RedemptionRejections.CustomerLimitReached => new RedemptionLimits(PerCustomerLimit: 1),
            RedemptionRejections.PeriodLimitReached => RedemptionLimits.None with { PeriodLimits = [new PeriodLimit(LimitPeriod.Day, 1)] },
            RedemptionRejections.CustomerPeriodLimitReached =>
                RedemptionLimits.None with { PeriodLimits = [new PeriodLimit(LimitPeriod.Week, 1, PerCustomer: true)] },
            _ => new RedemptionLimits(BudgetAmount: 15m, BudgetCurrency: "EUR"),
        };
        Assert.True((await RedeemAsync(_samples.Redemption("cus_1"), limits)).IsSuccess);

        var (result, sent) = await LoggedAsync(() => RedeemAsync(_samples.Redemption("cus_1"), limits));

        Assert.Equal(expected, result.Errors[0].Code);
        AssertDecidedByTheCancellation(sent);
        Assert.Equal(new LedgerUsage(1, 1, limits.BudgetAmount is null ? 0m : 10m), await UsageAsync("cus_1"));
    }

    [Fact]
    public async Task Redeem_WithADailyLimit_CountsOnThePeriodsItemWhichExpiresADayAfterThePeriod()
    {
        var limits = RedemptionLimits.None with { PeriodLimits = [new PeriodLimit(LimitPeriod.Day, 3)] };

        Assert.True((await RedeemAsync(_samples.Redemption("cus_1"), limits)).IsSuccess);

        var item = (await _aws.DynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = _aws.Table,
            Key = Attr.Key($"PROMOTION#{_samples.PromotionId}#PERIOD#day:2026-06-01", "#COUNTER"),
            ConsistentRead = true,
        })).Item;
        Assert.Equal(("1", "3"), (item["used"].N, item["cap"].N));
        Assert.Equal(new DateTimeOffset(2026, 6, 3, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["ttl"].N);
    }

    [Fact]
    public async Task Redeem_UnderALeaseThatWasTakenOverBeforeItsWrite_IsNotAppliedTwice()
    {
        const string key = "checkout-1";
        var stale = (await _aws.Idempotency.BeginAsync("caller", key, "hash", default)).Lease!;
        var first = _samples.Redemption("cus_1");
        var retry = _samples.Redemption("cus_1");
        IdempotencyBegin? takeover = null;
        Result<OrderRedemption>? retried = null;

        // The first request stalls past its lease; its client's retry takes the key over and redeems first.
        _aws.Requests.BeforeNext("TransactWriteItems", async () =>
        {
            _clock.Advance(IdempotencyWindow.Lease + TimeSpan.FromSeconds(1));
            takeover = await _aws.Idempotency.BeginAsync("caller", key, "hash", default);
            retried = await _aws.Ledger.RedeemAsync(new RedeemCommand(retry, RedemptionLimits.None), Respond(takeover.Lease!), default);
        });
        var (result, sent) = await LoggedAsync(() => _aws.Ledger.RedeemAsync(new RedeemCommand(first, RedemptionLimits.None), Respond(stale), default));

        Assert.Equal(IdempotencyState.Started, takeover!.State);
        Assert.True(retried!.Value.IsSuccess);
        Assert.Equal(RedemptionRejections.IdempotencyInProgress, result.Errors[0].Code);
        AssertDecidedByTheCancellation(sent);
        Assert.Equal(1, (await UsageAsync("cus_1")).PromotionRedemptions);
        Assert.Null(await _aws.Ledger.GetAsync(first.Id, default));
        Assert.Equal($"{{\"id\":\"{retry.Id}\"}}", (await _aws.Idempotency.BeginAsync("caller", key, "hash", default)).Response!.Body);
        Assert.Equal([retry.Id], (await EventsAsync<RedemptionRecorded>()).Select(e => e.RedemptionId));
    }

    [Theory]
    [InlineData("release", RedemptionRejections.ReservationReleased)]
    [InlineData("confirm", RedemptionRejections.ReservationConfirmed)]
    [InlineData("expire", RedemptionRejections.ReservationExpired)]
    public async Task Confirm_WhenAnotherChangeLandsBetweenItsReadAndItsWrite_AnswersWhatTheHoldBecame(string other, string expected)
    {
        var hold = _samples.Redemption("cus_1", holdUntil: _clock.GetUtcNow().AddSeconds(60));
        Assert.True((await RedeemAsync(hold, new RedemptionLimits(BudgetAmount: 100m, BudgetCurrency: "EUR"))).IsSuccess);

        _aws.Requests.BeforeNext("TransactWriteItems", () => other switch
        {
            "release" => _aws.Ledger.ReleaseAsync(hold.Id, null, default),
            "confirm" => _aws.Ledger.ConfirmAsync(hold.Id, null, default),
            _ => ExpireAsync(),
        });
        var (result, sent) = await LoggedAsync(() => _aws.Ledger.ConfirmAsync(hold.Id, null, default));

        Assert.Equal(expected, result.Errors[0].Code);
        AssertDecidedByTheCancellation(sent);
        var confirmed = other == "confirm" ? 1 : 0;
        Assert.Equal(new LedgerUsage(confirmed, 0, confirmed * 10m), await UsageAsync(null));
        Assert.Equal(confirmed, (await EventsAsync<RedemptionRecorded>()).Count);
    }

    private async Task ExpireAsync()
    {
        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(1, await _aws.Ledger.ExpireDueAsync(10, default));
    }

    /// <summary>The last request decided the answer: a cancelled transaction, with nothing read after it (the code's own step runs before).</summary>
    private static void AssertDecidedByTheCancellation(IReadOnlyList<LoggedRequest> sent)
    {
        var last = sent[^1];
        Assert.Equal(("TransactWriteItems", 400, "TransactionCanceledException"), (last.Operation, last.Status, last.ErrorType));
    }

    private async Task<(T Result, IReadOnlyList<LoggedRequest> Sent)> LoggedAsync<T>(Func<Task<T>> act)
    {
        var before = _aws.Requests.Count;
        var result = await act();
        return (result, _aws.Requests.Since(before));
    }

    private Task<Result<OrderRedemption>> RedeemAsync(RedemptionRecord redemption, RedemptionLimits limits) =>
        _aws.Ledger.RedeemAsync(new RedeemCommand(redemption, limits), null, default);

    private Task<LedgerUsage> UsageAsync(string? customerId) =>
        _aws.Ledger.GetUsageAsync(_samples.PromotionId, customerId, _samples.CampaignId, default);

    private static Idempotent<OrderRedemption> Respond(IdempotencyLease lease) =>
        new(lease, r => new StoredResponse(201, $"{{\"id\":\"{r.Id}\"}}"));

    private async Task<List<T>> EventsAsync<T>()
        where T : DomainEvent =>
        [.. (await _aws.Outbox.ReadPendingAsync(1000, default))
            .Select(m => System.Text.Json.JsonSerializer.Deserialize(m.Payload, EventJson.Default.DomainEvent))
            .OfType<T>()];
}
