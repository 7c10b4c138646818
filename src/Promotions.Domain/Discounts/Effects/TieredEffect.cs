namespace Promotions.Domain.Discounts.Effects;

/// <summary>
/// <c>tiered</c>: "spend more, save more". The highest tier whose threshold the targeted lines reach
/// (measured on their undiscounted amount or unit count) applies; thresholds strictly increase.
/// </summary>
public sealed record TieredEffect(TierBasis Basis, IReadOnlyList<Tier> Tiers, EffectTarget Target) : DiscountEffect
{
    /// <inheritdoc />
    public override string Type => EffectTypes.Tiered;
}
