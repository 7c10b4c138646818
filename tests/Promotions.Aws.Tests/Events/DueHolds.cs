using Promotions.Domain.Common;
using Promotions.Domain.Ports;
using Promotions.Domain.Redemptions;

namespace Promotions.Aws.Tests.Events;

/// <summary>
/// A ledger that has <paramref name="due"/> holds to expire and records each <c>ExpireDueAsync</c> call, for the
/// schedule's tests while the DynamoDB ledger lives elsewhere: the schedule only calls that port method. It can
/// also fail as a ledger on a throttled table does.
/// </summary>
internal sealed class DueHolds(int due, Exception? failure = null) : IRedemptionLedger
{
    private int _due = due;

    public List<int> Calls { get; } = [];

    public Task<int> ExpireDueAsync(int limit, CancellationToken ct)
    {
        lock (Calls)
        {
            Calls.Add(limit);
            if (failure is not null)
            {
                throw failure;
            }

            var expired = Math.Min(limit, _due);
            _due -= expired;
            return Task.FromResult(expired);
        }
    }

    public Task<Result<Domain.Redemptions.Redemption>> RedeemAsync(RedeemCommand command, Idempotent<Domain.Redemptions.Redemption>? idempotency, CancellationToken ct) => throw Unused();

    public Task<Result<Domain.Redemptions.Redemption>> ConfirmAsync(string reservationId, Idempotent<Domain.Redemptions.Redemption>? idempotency, CancellationToken ct) => throw Unused();

    public Task<Result<Domain.Redemptions.Redemption>> ReleaseAsync(string reservationId, Idempotent<Domain.Redemptions.Redemption>? idempotency, CancellationToken ct) => throw Unused();

    public Task<Result<Reversal>> ReverseAsync(ReverseCommand command, Idempotent<Reversal>? idempotency, CancellationToken ct) => throw Unused();

    public Task<Domain.Redemptions.Redemption?> GetAsync(string id, CancellationToken ct) => throw Unused();

    public Task<LedgerUsage> GetUsageAsync(string promotionId, string? customerId, string? campaignId, CancellationToken ct) => throw Unused();

    public Task<UsageCounts> GetUsageBatchAsync(UsageQuery query, CancellationToken ct) => throw Unused();

    private static NotSupportedException Unused() => new("The relay's schedule calls only ExpireDueAsync.");
}
