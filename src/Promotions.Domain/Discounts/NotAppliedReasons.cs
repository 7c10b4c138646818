namespace Promotions.Domain.Discounts;

/// <summary>
/// The closed set of machine-readable reasons in <see cref="NotApplied.Reason"/>; documented, with their
/// hints, in <c>docs/discounts.md</c>.
/// </summary>
public static class NotAppliedReasons
{
    /// <summary>A tier threshold (amount or quantity) is not reached; the hint says how much to add.</summary>
    public const string ThresholdNotMet = "threshold_not_met";

    /// <summary>Too few matching units for a fixed price group or a buy-X-get-Y set; the hint says how many to add.</summary>
    public const string NotEnoughItems = "not_enough_items";

    /// <summary>No cart line matches the effect's target.</summary>
    public const string NoMatchingItems = "no_matching_items";

    /// <summary>Lines match, but every one is non-discountable or excluded as already discounted.</summary>
    public const string ItemsNotDiscountable = "items_not_discountable";

    /// <summary>An exclusive promotion that ranks higher was applied, so nothing after it applies.</summary>
    public const string ExcludedByExclusive = "excluded_by_exclusive";

    /// <summary>Another promotion of the same stacking group gives the customer more.</summary>
    public const string LostToBetterInGroup = "lost_to_better_in_group";

    /// <summary>An exclusive promotion gives less than the combination that was chosen instead.</summary>
    public const string LostToBetterDeal = "lost_to_better_deal";

    /// <summary>The cart already carries the most codes the policy allows.</summary>
    public const string CodeLimitReached = "code_limit_reached";

    /// <summary>The effect's amounts are in another currency than the cart's.</summary>
    public const string CurrencyMismatch = "currency_mismatch";

    /// <summary>A guardrail (maximum combined discount) left nothing for this promotion.</summary>
    public const string CappedByGuardrail = "capped_by_guardrail";

    /// <summary>The effect applies but saves nothing (e.g. the fixed price is not cheaper, nothing left to discount).</summary>
    public const string NoDiscount = "no_discount";

    /// <summary>Every reason, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ThresholdNotMet, NotEnoughItems, NoMatchingItems, ItemsNotDiscountable, ExcludedByExclusive,
        LostToBetterInGroup, LostToBetterDeal, CodeLimitReached, CurrencyMismatch, CappedByGuardrail, NoDiscount,
    ];
}
