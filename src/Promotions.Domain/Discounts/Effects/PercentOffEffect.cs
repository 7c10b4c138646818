namespace Promotions.Domain.Discounts.Effects;

/// <summary><c>percent_off</c>: a percentage of the targeted lines' remaining amount, optionally capped.</summary>
/// <param name="Percent">In (0, 100].</param>
/// <param name="MaxDiscount">The most this effect takes off, in the cart currency; null for no cap.</param>
public sealed record PercentOffEffect(decimal Percent, decimal? MaxDiscount, EffectTarget Target) : DiscountEffect
{
    /// <inheritdoc />
    public override string Type => EffectTypes.PercentOff;
}
