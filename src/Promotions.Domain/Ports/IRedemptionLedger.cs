using Promotions.Domain.Common;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Ports;

/// <summary>
/// The redemption ledger: every limit (code uses, promotion cap, per-customer quota, campaign budget), the
/// redemption records, the idempotency completion and the outbox events change together, in one atomic step
/// per call, or not at all. Expected refusals are <see cref="DomainError"/>s with a code of
/// <see cref="RedemptionRejections"/>; nothing is checked first and acted on later.
/// </summary>
public interface IRedemptionLedger
{
    /// <summary>
    /// Records a redemption or, when its status is <see cref="RedemptionStatus.Reserved"/>, a hold: uses the
    /// code, counts against the promotion cap and the customer quota, charges the budget, stores the record and
    /// writes <c>RedemptionRecorded</c> (direct redemptions) and any <c>BudgetThresholdCrossed</c> events.
    /// </summary>
    Task<Result<Redemption>> RedeemAsync(RedeemCommand command, Idempotent<Redemption>? idempotency, CancellationToken ct);

    /// <summary>Turns a live hold into a redemption; a hold past its expiry is expired instead (<c>reservation_expired</c>).</summary>
    Task<Result<Redemption>> ConfirmAsync(string reservationId, Idempotent<Redemption>? idempotency, CancellationToken ct);

    /// <summary>Ends a live hold and gives its capacity back.</summary>
    Task<Result<Redemption>> ReleaseAsync(string reservationId, Idempotent<Redemption>? idempotency, CancellationToken ct);

    /// <summary>
    /// Gives back the discount of returned units (or all that remains), exactly once, from the allocation
    /// recorded per line; a full reversal also gives back the code use, the promotion cap and the customer quota.
    /// </summary>
    Task<Result<Reversal>> ReverseAsync(ReverseCommand command, Idempotent<Reversal>? idempotency, CancellationToken ct);

    /// <summary>Expires up to <paramref name="limit"/> holds whose time is up; returns how many it expired.</summary>
    Task<int> ExpireDueAsync(int limit, CancellationToken ct);

    Task<Redemption?> GetAsync(string id, CancellationToken ct);

    /// <summary>The counters of a promotion, of one of its customers and of a campaign budget (zero when never used).</summary>
    Task<LedgerUsage> GetUsageAsync(string promotionId, string? customerId, string? campaignId, CancellationToken ct);

    /// <summary>
    /// The counters of many promotions, campaign budgets and one customer in one read, for the offers logic
    /// (offers, quotes, code lookups), which must not make a round trip per promotion. Every id asked for is in
    /// the answer (zero when never used); budget spend is in the budget's currency. Reads need not be strongly
    /// consistent and the answer is advisory only: the atomic step of <see cref="RedeemAsync"/> stays the
    /// authority. Any number of ids may be asked for; an adapter splits the read as its store needs (DynamoDB:
    /// <c>BatchGetItem</c> of at most 100 keys, retrying unprocessed keys) but never reads key by key.
    /// </summary>
    Task<UsageCounts> GetUsageBatchAsync(UsageQuery query, CancellationToken ct);
}
