namespace Promotions.Domain.Redemptions;

/// <summary>
/// One change of a limit in a <see cref="LedgerPlan"/>, made in plan order; <see cref="Part"/> is the index of the
/// order's part it belongs to. A change that adds is conditional on its limit and refuses the whole plan when the
/// limit would be passed; a change that gives back never refuses.
/// </summary>
public abstract record LedgerChange(int Part);

/// <summary>One use of a code, conditioned on everything about the code (its promotion, active, uses left, expiry, owner).</summary>
public sealed record UseCode(int Part, string Code, string PromotionId, string? CustomerId, DateTimeOffset At) : LedgerChange(Part)
{
    /// <summary>
    /// Why the use was refused, from the code as the store holds it (null: no such code): the refusal order of every
    /// ledger, so a used-up code is never reported as unknown.
    /// </summary>
    public string RefusalFor(CodeState? state)
    {
        if (state is null || !string.Equals(state.PromotionId, PromotionId, StringComparison.Ordinal))
        {
            return RedemptionRejections.UnknownCode;
        }

        if (state.AssignedCustomerId is { } assigned && !string.Equals(assigned, CustomerId, StringComparison.Ordinal))
        {
            return RedemptionRejections.CodeNotForCustomer;
        }

        if (!state.Active)
        {
            return RedemptionRejections.CodeInactive;
        }

        return state.ExpiresAt is { } expires && expires <= At ? RedemptionRejections.CodeExpired : RedemptionRejections.CodeExhausted;
    }
}

/// <summary>A code use given back; a code that is gone or has no use to give back is left as it is.</summary>
public sealed record ReturnCode(int Part, string Code) : LedgerChange(Part);

/// <summary>
/// A counter of redemptions moved by <paramref name="Delta"/> (+1 or −1): a promotion's (capped by
/// <c>maxRedemptions</c>), one customer's of a promotion (capped by <c>perCustomerLimit</c>), or either of those in
/// one calendar <paramref name="Period"/> (a <see cref="PeriodKeys"/> key; capped by a period limit). Null cap: no limit.
/// </summary>
public sealed record CountChange(int Part, CounterKind Kind, string PromotionId, string? CustomerId, int Delta, int? Cap, string? Period = null)
    : LedgerChange(Part)
{
    public string Refusal => Kind switch
    {
        CounterKind.Promotion => RedemptionRejections.PromotionExhausted,
        CounterKind.Customer => RedemptionRejections.CustomerLimitReached,
        CounterKind.PromotionPeriod => RedemptionRejections.PeriodLimitReached,
        _ => RedemptionRejections.CustomerPeriodLimitReached,
    };
}

/// <summary>
/// A campaign budget's spend moved by <paramref name="AmountMinor"/> (minor units of <paramref name="Currency"/>;
/// negative gives back), never past <paramref name="CapMinor"/> (null for a give-back): the sum of every part of the order charged to that
/// campaign, as one change, since one transaction changes one counter once. A charge reports the thresholds it crosses.
/// </summary>
/// <param name="Part">The last part charged to the campaign: the one to leave out when the budget cannot cover them all.</param>
public sealed record BudgetChange(int Part, string CampaignId, string Currency, long AmountMinor, long? CapMinor) : LedgerChange(Part);

/// <summary>Which counter a <see cref="CountChange"/> moves.</summary>
public enum CounterKind
{
    Promotion,
    Customer,

    /// <summary>The promotion's redemptions in one period (<see cref="CountChange.Period"/>).</summary>
    PromotionPeriod,

    /// <summary>One customer's redemptions of the promotion in one period.</summary>
    CustomerPeriod,
}

/// <summary>What a store holds about a code that decides why a use of it is refused.</summary>
public sealed record CodeState(string PromotionId, bool Active, DateTimeOffset? ExpiresAt, string? AssignedCustomerId);
