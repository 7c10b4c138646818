namespace Promotions.Domain.Redemptions;

/// <summary>
/// The closed set of machine-readable codes a redemption, reservation or reversal can be refused with
/// (documented, with their HTTP statuses, in docs/redemption.md). An exhausted code is never reported as
/// unknown: <see cref="UnknownCode"/> means no code with that text exists at all.
/// </summary>
public static class RedemptionRejections
{
    public const string UnknownCode = "unknown_code";
    public const string UnknownPromotion = "unknown_promotion";
    public const string CodeExhausted = "code_exhausted";
    public const string CodeExpired = "code_expired";
    public const string CodeInactive = "code_inactive";
    public const string CodeNotYetActive = "code_not_yet_active";
    public const string CodeNotForCustomer = "code_not_for_customer";
    public const string CodeRequired = "code_required";
    public const string PromotionExhausted = "promotion_exhausted";
    public const string PromotionNotActive = "promotion_not_active";
    public const string BudgetExhausted = "budget_exhausted";
    public const string BudgetCurrencyMismatch = "budget_currency_mismatch";
    public const string CustomerLimitReached = "customer_limit_reached";
    public const string CustomerRequired = "customer_required";
    public const string PeriodLimitReached = "period_limit_reached";
    public const string CustomerPeriodLimitReached = "customer_period_limit_reached";
    public const string UnknownCustomer = "unknown_customer";
    public const string NotEligible = "not_eligible";
    public const string NoDiscount = "no_discount";
    public const string WrongChannel = "wrong_channel";
    public const string ReservationExpired = "reservation_expired";
    public const string ReservationNotFound = "reservation_not_found";
    public const string ReservationConfirmed = "reservation_confirmed";
    public const string ReservationReleased = "reservation_released";
    public const string RedemptionNotFound = "redemption_not_found";
    public const string RedemptionNotConfirmed = "redemption_not_confirmed";
    public const string NothingToReverse = "nothing_to_reverse";
    public const string ExceedsRemaining = "exceeds_remaining";
    public const string UnknownLine = "unknown_line";
    public const string IdempotencyInProgress = "idempotency_in_progress";
    public const string StackTooLarge = "stack_too_large";
    public const string QuoteChanged = "quote_changed";

    /// <summary>Every code, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        UnknownCode, UnknownPromotion, CodeExhausted, CodeExpired, CodeInactive, CodeNotYetActive, CodeNotForCustomer,
        CodeRequired, PromotionExhausted, PromotionNotActive, BudgetExhausted, BudgetCurrencyMismatch,
        CustomerLimitReached, CustomerRequired, PeriodLimitReached, CustomerPeriodLimitReached, UnknownCustomer, NotEligible, NoDiscount, WrongChannel,
        ReservationExpired, ReservationNotFound, ReservationConfirmed, ReservationReleased, RedemptionNotFound,
        RedemptionNotConfirmed, NothingToReverse, ExceedsRemaining, UnknownLine, IdempotencyInProgress, StackTooLarge, QuoteChanged,
    ];
}
