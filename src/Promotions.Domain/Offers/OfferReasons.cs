namespace Promotions.Domain.Offers;

/// <summary>
/// The closed set of machine-readable reasons the offers and quote logic gives for a code or promotion that
/// does not apply, next to the discount engine's own <see cref="Discounts.NotAppliedReasons"/>. Documented
/// with their hints in <c>docs/offers-and-validation.md</c>.
/// </summary>
public static class OfferReasons
{
    /// <summary>No code with this text exists.</summary>
    public const string UnknownCode = "unknown_code";

    /// <summary>The code exists but was deactivated.</summary>
    public const string CodeInactive = "code_inactive";

    /// <summary>The code's expiry has passed.</summary>
    public const string CodeExpired = "code_expired";

    /// <summary>The code has been used as often as it may be (never reported as unknown).</summary>
    public const string CodeExhausted = "code_exhausted";

    /// <summary>The code's promotion or campaign has not started yet.</summary>
    public const string CodeNotYetActive = "code_not_yet_active";

    /// <summary>The code is reserved for another customer.</summary>
    public const string CodeAssignedToAnotherCustomer = "code_assigned_to_another_customer";

    /// <summary>The promotion (or its campaign) is not running: paused, ended, archived or outside its window.</summary>
    public const string PromotionNotActive = "promotion_not_active";

    /// <summary>The promotion reached its maximum number of redemptions.</summary>
    public const string PromotionExhausted = "promotion_exhausted";

    /// <summary>The campaign's discount budget is spent, or what remains of it cannot cover the discount.</summary>
    public const string BudgetExhausted = "budget_exhausted";

    /// <summary>The campaign's budget is kept in another currency than the cart's, so no redemption of it can be charged.</summary>
    public const string BudgetCurrencyMismatch = "budget_currency_mismatch";

    /// <summary>The customer redeemed the promotion as often as its per-customer limit allows.</summary>
    public const string CustomerLimitReached = "customer_limit_reached";

    /// <summary>The promotion reached its limit of redemptions for the current day or week.</summary>
    public const string PeriodLimitReached = "period_limit_reached";

    /// <summary>The customer redeemed the promotion as often as its limit per customer for the current day or week allows.</summary>
    public const string CustomerPeriodLimitReached = "customer_period_limit_reached";

    /// <summary>The promotion limits redemptions per customer, and the request names no customer (a guest).</summary>
    public const string CustomerRequired = "customer_required";

    /// <summary>
    /// The cart already has as many promotions as one order's redemption records (<c>LedgerPlanner.MaxParts</c>);
    /// better-ranked ones took the places (codes entered keep theirs before automatic promotions).
    /// </summary>
    public const string StackLimitReached = "stack_limit_reached";

    /// <summary>The promotion is not offered on the channel of the request; the hint lists where it is.</summary>
    public const string WrongChannel = "wrong_channel";

    /// <summary>The same code (after normalization), or a second code of the same promotion, was sent twice.</summary>
    public const string DuplicateCode = "duplicate_code";

    /// <summary>The text cannot be a code: empty, too long, or characters outside A–Z and 0–9.</summary>
    public const string InvalidCodeFormat = "invalid_code_format";

    /// <summary>One or more rule conditions do not hold; the failing conditions and a hint come with it.</summary>
    public const string NotEligible = "not_eligible";

    /// <summary>Without a cart the promotion can be neither confirmed nor ruled out (offers only).</summary>
    public const string NeedsCart = "needs_cart";

    /// <summary>Every reason, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        UnknownCode, CodeInactive, CodeExpired, CodeExhausted, CodeNotYetActive, CodeAssignedToAnotherCustomer,
        PromotionNotActive, PromotionExhausted, BudgetExhausted, BudgetCurrencyMismatch, CustomerLimitReached, PeriodLimitReached,
        CustomerPeriodLimitReached, CustomerRequired, StackLimitReached, WrongChannel, DuplicateCode,
        InvalidCodeFormat, NotEligible, NeedsCart,
    ];

    /// <summary>The human sentence of a reason.</summary>
    public static string Message(string reason) => reason switch
    {
        UnknownCode => "This code does not exist.",
        CodeInactive => "This code has been deactivated.",
        CodeExpired => "This code has expired.",
        CodeExhausted => "This code has already been used as many times as it allows.",
        CodeNotYetActive => "This code cannot be used yet.",
        CodeAssignedToAnotherCustomer => "This code belongs to another customer.",
        PromotionNotActive => "This promotion is not running.",
        PromotionExhausted => "This promotion has been redeemed as many times as it allows.",
        BudgetExhausted => "This promotion's budget is spent or cannot cover this discount.",
        BudgetCurrencyMismatch => "This promotion's budget is kept in another currency than the cart's.",
        CustomerLimitReached => "You have used this promotion as many times as it allows.",
        PeriodLimitReached => "This promotion has been redeemed as many times as it allows for now; try again in the next period.",
        CustomerPeriodLimitReached => "You have used this promotion as many times as it allows for now; try again in the next period.",
        CustomerRequired => "This promotion is limited per customer: sign in or name the customer to use it.",
        StackLimitReached => "This order already has as many promotions as one order can combine.",
        WrongChannel => "This promotion is not available on this channel.",
        DuplicateCode => "This code, or another code of the same promotion, is already in the request.",
        InvalidCodeFormat => "This is not a valid code: codes use only the letters A–Z and the digits 0–9.",
        NotEligible => "The conditions of this promotion are not met.",
        NeedsCart => "Whether this promotion applies depends on the cart.",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not an offer reason."),
    };
}
