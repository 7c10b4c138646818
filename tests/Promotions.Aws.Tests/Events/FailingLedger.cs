using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Tests.Events;

/// <summary>
/// A ledger whose hold expiry fails as one on a throttled table does, for the schedule's test that the sweep still
/// runs and the invocation fails; the schedule calls nothing else of the ledger.
/// </summary>
internal sealed class FailingLedger(Exception failure) : IRedemptionLedger
{
    public Task<int> ExpireDueAsync(int limit, CancellationToken ct) => Task.FromException<int>(failure);

    public Task<Result<Domain.Redemptions.OrderRedemption>> RedeemAsync(RedeemCommand command, Idempotent<Domain.Redemptions.OrderRedemption>? idempotency, CancellationToken ct) => throw Unused();

    public Task<Result<Domain.Redemptions.OrderRedemption>> ConfirmAsync(string reservationId, Idempotent<Domain.Redemptions.OrderRedemption>? idempotency, CancellationToken ct) => throw Unused();

    public Task<Result<Domain.Redemptions.OrderRedemption>> ReleaseAsync(string reservationId, Idempotent<Domain.Redemptions.OrderRedemption>? idempotency, CancellationToken ct) => throw Unused();

    public Task<Result<Reversal>> ReverseAsync(ReverseCommand command, Idempotent<Reversal>? idempotency, CancellationToken ct) => throw Unused();

    public Task<Domain.Redemptions.OrderRedemption?> GetAsync(string id, CancellationToken ct) => throw Unused();

    public Task<IReadOnlyList<Domain.Redemptions.OrderRedemption>> ListByOrderAsync(string orderId, int limit, CancellationToken ct) => throw Unused();

    public Task<IReadOnlyList<Domain.Redemptions.OrderRedemption>> ListByCodeAsync(string normalizedCode, int limit, CancellationToken ct) => throw Unused();

    public Task<LedgerUsage> GetUsageAsync(string promotionId, string? customerId, string? campaignId, CancellationToken ct) => throw Unused();

    public Task<UsageCounts> GetUsageBatchAsync(UsageQuery query, CancellationToken ct) => throw Unused();

    private static NotSupportedException Unused() => new("The relay's schedule calls only ExpireDueAsync.");
}
