using Promotions.Domain.Redemptions;

namespace Promotions.Contracts.Redemptions;

/// <summary>Idempotency keys and the outbox of the ledger contract.</summary>
public abstract partial class RedemptionLedgerContract
{
    /// <summary>
    /// True for an adapter whose store deletes keys past their retention by itself (DynamoDB's TTL), so that its
    /// <c>PurgeExpiredAsync</c> has nothing to do and returns 0. Every adapter treats a key past its retention as
    /// gone, purged or not.
    /// </summary>
    protected virtual bool KeysExpireByThemselves => false;

    [Fact]
    public async Task Begin_50ConcurrentWithOneKey_GivesTheLeaseToExactlyOne()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ =>
            Task.Run(() => Idempotency.BeginAsync("caller", "k-" + Samples.Scope, "hash", default))));

        Assert.Single(results, r => r.State == IdempotencyState.Started);
        Assert.All(results.Where(r => r.State != IdempotencyState.Started), r => Assert.Equal(IdempotencyState.InProgress, r.State));
    }

    [Fact]
    public async Task Redeem_UnderAKey_StoresTheResponseWithTheChange_AndReplaysIt()
    {
        var key = "k-" + Samples.Scope;
        var lease = (await Idempotency.BeginAsync("caller", key, "hash", default)).Lease!;
        var redemption = Samples.Redemption("cus_1");

        await Ledger.RedeemAsync(new RedeemCommand(redemption, RedemptionLimits.None),
            new Idempotent<OrderRedemption>(lease, r => new StoredResponse(201, $"{{\"id\":\"{r.Id}\"}}", "/x")), default);
        var replay = await Idempotency.BeginAsync("caller", key, "hash", default);
        var otherRequest = await Idempotency.BeginAsync("caller", key, "other-hash", default);
        var otherCaller = await Idempotency.BeginAsync("someone-else", key, "other-hash", default);

        Assert.Equal(IdempotencyState.Completed, replay.State);
        Assert.Equal(new StoredResponse(201, $"{{\"id\":\"{redemption.Id}\"}}", "/x"), replay.Response);
        Assert.Equal(IdempotencyState.Mismatch, otherRequest.State);
        Assert.Equal(IdempotencyState.Started, otherCaller.State);
    }

    [Fact]
    public async Task Redeem_WhenTheLeaseWasTakenOver_AppliesNothing()
    {
        var key = "k-" + Samples.Scope;
        var stale = (await Idempotency.BeginAsync("caller", key, "hash", default)).Lease!;
        Clock.Advance(IdempotencyWindow.Lease + TimeSpan.FromSeconds(1));
        var fresh = await Idempotency.BeginAsync("caller", key, "hash", default);

        var result = await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1"), RedemptionLimits.None),
            new Idempotent<OrderRedemption>(stale, _ => new StoredResponse(201, "{}")), default);

        Assert.Equal(IdempotencyState.Started, fresh.State);
        Assert.Equal(RedemptionRejections.IdempotencyInProgress, result.Errors[0].Code);
        Assert.Equal(0, (await UsageAsync("cus_1")).PromotionRedemptions);
    }

    [Fact]
    public async Task Keys_PastTheirRetention_StartAfreshBeforeAnyPurge()
    {
        var key = "k-" + Samples.Scope;
        var lease = (await Idempotency.BeginAsync("caller", key, "hash", default)).Lease!;
        await Idempotency.CompleteAsync(lease, new StoredResponse(409, "{}"), default);

        Clock.Advance(IdempotencyWindow.Retention);
        var again = await Idempotency.BeginAsync("caller", key, "another", default);

        Assert.Equal(IdempotencyState.Started, again.State);
    }

    [Fact]
    public async Task Purge_DropsKeysPastTheirRetentionOnly()
    {
        var old = "old-" + Samples.Scope;
        var live = "live-" + Samples.Scope;
        await Idempotency.CompleteAsync((await Idempotency.BeginAsync("caller", old, "hash", default)).Lease!, new StoredResponse(409, "{}"), default);
        Clock.Advance(IdempotencyWindow.Retention - TimeSpan.FromMinutes(1));
        await Idempotency.CompleteAsync((await Idempotency.BeginAsync("caller", live, "hash", default)).Lease!, new StoredResponse(201, "{\"id\":1}"), default);
        Clock.Advance(TimeSpan.FromMinutes(1));

        var purged = await Idempotency.PurgeExpiredAsync(10_000, default);
        var liveAfter = await Idempotency.BeginAsync("caller", live, "hash", default);
        var oldAfter = await Idempotency.BeginAsync("caller", old, "another", default);

        Assert.True(KeysExpireByThemselves ? purged == 0 : purged >= 1, $"purged {purged}");
        Assert.Equal((IdempotencyState.Completed, 201), (liveAfter.State, liveAfter.Response!.Status));
        Assert.Equal(IdempotencyState.Started, oldAfter.State);
    }

    [Fact]
    public async Task Outbox_MarkDispatched_RemovesEventsFromPending()
    {
        await Ledger.RedeemAsync(new RedeemCommand(Samples.Redemption("cus_1"), RedemptionLimits.None), null, default);
        var pending = (await Outbox.ReadPendingAsync(100_000, default)).Where(m => m.Payload.Contains(Samples.Scope, StringComparison.Ordinal)).ToArray();

        await Outbox.MarkDispatchedAsync([.. pending.Select(m => m.EventId)], default);

        Assert.Equal("redemption_recorded", Assert.Single(pending).Type);
        Assert.Empty(await EventsAsync<Domain.Events.RedemptionRecorded>());
    }
}
