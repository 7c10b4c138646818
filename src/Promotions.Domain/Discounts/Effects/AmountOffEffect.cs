namespace Promotions.Domain.Discounts.Effects;

/// <summary><c>amount_off</c>: a fixed amount off the targeted lines together, spread over them.</summary>
/// <param name="Amount">In the cart currency (or <see cref="DiscountEffect.Currency"/> when set); greater than zero.</param>
public sealed record AmountOffEffect(decimal Amount, EffectTarget Target) : DiscountEffect
{
    /// <inheritdoc />
    public override string Type => EffectTypes.AmountOff;
}
