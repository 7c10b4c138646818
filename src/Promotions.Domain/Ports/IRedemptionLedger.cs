using Promotions.Domain.Common;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Ports;

/// <summary>
/// The redemption ledger: every limit of every promotion an order redeems (code uses, promotion caps, per-customer
/// quotas, campaign budgets), the order's redemption record, the idempotency completion and the outbox events change
/// together, in one atomic step per call, or not at all. What changes is decided by <see cref="LedgerPlanner"/>; an
/// adapter only applies its plans. Expected refusals are <see cref="DomainError"/>s with a code of
/// <see cref="RedemptionRejections"/> (and, for a limit, the refused promotion as <see cref="DomainError.Subject"/>);
/// nothing is checked first and acted on later.
/// </summary>
public interface IRedemptionLedger
{
    /// <summary>
    /// Records an order's redemption or, when its status is <see cref="RedemptionStatus.Reserved"/>, a hold: for
    /// every part uses the code and counts against the promotion cap and the customer quota, charges each campaign
    /// budget once, stores the record and writes <c>RedemptionRecorded</c> per part (direct redemptions) and any
    /// <c>BudgetThresholdCrossed</c> events. One refused limit refuses the whole order.
    /// </summary>
    Task<Result<OrderRedemption>> RedeemAsync(RedeemCommand command, Idempotent<OrderRedemption>? idempotency, CancellationToken ct);

    /// <summary>Turns a live hold into a redemption; a hold past its expiry is expired instead (<c>reservation_expired</c>).</summary>
    Task<Result<OrderRedemption>> ConfirmAsync(string reservationId, Idempotent<OrderRedemption>? idempotency, CancellationToken ct);

    /// <summary>Ends a live hold and gives its capacity back.</summary>
    Task<Result<OrderRedemption>> ReleaseAsync(string reservationId, Idempotent<OrderRedemption>? idempotency, CancellationToken ct);

    /// <summary>
    /// Gives back the discount of returned units (or all that remains), exactly once, from the allocation each
    /// promotion recorded per line; a full reversal also gives back every code use, promotion cap and customer quota.
    /// </summary>
    Task<Result<Reversal>> ReverseAsync(ReverseCommand command, Idempotent<Reversal>? idempotency, CancellationToken ct);

    /// <summary>Expires up to <paramref name="limit"/> holds whose time is up; returns how many it expired.</summary>
    Task<int> ExpireDueAsync(int limit, CancellationToken ct);

    /// <summary>An order's redemption with every part, by its id.</summary>
    Task<OrderRedemption?> GetAsync(string id, CancellationToken ct);

    /// <summary>
    /// The recorded redemptions of an order id (refused attempts leave none), newest first, at most
    /// <paramref name="limit"/>. Reads need not be strongly consistent.
    /// </summary>
    Task<IReadOnlyList<OrderRedemption>> ListByOrderAsync(string orderId, int limit, CancellationToken ct);

    /// <summary>
    /// The recorded redemptions any part of which used <paramref name="normalizedCode"/> (the code's stored form,
    /// <c>CodeNormalizer</c>), newest first, at most <paramref name="limit"/>. Reads need not be strongly consistent.
    /// </summary>
    Task<IReadOnlyList<OrderRedemption>> ListByCodeAsync(string normalizedCode, int limit, CancellationToken ct);

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
