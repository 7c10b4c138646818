namespace Promotions.Domain.Discounts.Effects;

/// <summary><c>free_shipping</c>: takes the shipping charge off, up to <paramref name="MaxDiscount"/> when set.</summary>
public sealed record FreeShippingEffect(decimal? MaxDiscount) : DiscountEffect
{
    /// <inheritdoc />
    public override string Type => EffectTypes.FreeShipping;
}
