namespace Promotions.Domain.Discounts.Engine;

/// <summary>Why an effect gave nothing: a <see cref="NotAppliedReasons"/> code, a message and an optional hint.</summary>
internal sealed record Miss(string Reason, string Message, string? Hint = null)
{
    // The reasons whose wording never varies are built once; the search meets them for many candidates.
    public static Miss ItemsNotDiscountable { get; } =
        new(NotAppliedReasons.ItemsNotDiscountable, "The targeted items cannot be discounted (excluded or already discounted).");

    public static Miss NothingLeft { get; } =
        new(NotAppliedReasons.NoDiscount, "Earlier promotions or price floors leave nothing to discount on these items.");

    public static Miss NoShippingLeft { get; } = new(NotAppliedReasons.NoDiscount, "There is no shipping charge left to discount.");

    public static Miss BelowSmallestCoin { get; } = new(NotAppliedReasons.NoDiscount, "The discount rounds to less than the smallest coin.");

    public static Miss LostToBetterDeal { get; } =
        new(NotAppliedReasons.LostToBetterDeal, "Another combination of promotions gives a bigger discount.");
}
