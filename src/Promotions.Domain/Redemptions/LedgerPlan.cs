using Promotions.Domain.Common;
using Promotions.Domain.Events;

namespace Promotions.Domain.Redemptions;

/// <summary>
/// One change of the ledger, decided by <see cref="LedgerPlanner"/>: the order's redemption after the change, the
/// version it must still be at (null: it is new), the limit changes in the order they are checked, the events, and
/// the reversal record. An adapter applies a plan as one transaction, or not at all, and decides nothing itself; it
/// adds only what needs the stored values: the threshold events a budget charge crosses.
/// </summary>
/// <param name="ExpectedVersion">The stored version the change is conditioned on; null for an insert.</param>
/// <param name="ExpectedStatus">The status the stored record must still have, when the change depends on it.</param>
public sealed record LedgerPlan(
    OrderRedemption After,
    long? ExpectedVersion,
    RedemptionStatus? ExpectedStatus,
    IReadOnlyList<LedgerChange> Changes,
    IReadOnlyList<DomainEvent> Events)
{
    public Reversal? Reversal { get; init; }

    /// <summary>
    /// The refusal to answer once the plan is applied: a confirm or release that found the hold past its expiry
    /// expires it (and that is committed) and answers <c>reservation_expired</c>.
    /// </summary>
    public DomainError? ThenRefuse { get; init; }

    /// <summary>The refusal a change's limit gave, about the promotion of the part it belongs to.</summary>
    public DomainError Refusal(LedgerChange change, string code)
    {
        ArgumentNullException.ThrowIfNull(change);
        return LedgerRefusals.Of(code) with { Subject = After.Redemptions[change.Part].PromotionId };
    }
}
