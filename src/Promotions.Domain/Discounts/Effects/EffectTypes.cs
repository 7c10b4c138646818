namespace Promotions.Domain.Discounts.Effects;

/// <summary>The wire names of the effect types (the <c>type</c> property of an effect).</summary>
public static class EffectTypes
{
    public const string PercentOff = "percent_off";
    public const string AmountOff = "amount_off";
    public const string FixedPrice = "fixed_price";
    public const string BuyXGetY = "buy_x_get_y";
    public const string Tiered = "tiered";
    public const string FreeShipping = "free_shipping";
    public const string FreeGift = "free_gift";

    /// <summary>Every effect type the parser knows, in documentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [PercentOff, AmountOff, FixedPrice, BuyXGetY, Tiered, FreeShipping, FreeGift];
}
