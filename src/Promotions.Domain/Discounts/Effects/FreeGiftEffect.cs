namespace Promotions.Domain.Discounts.Effects;

/// <summary>
/// <c>free_gift</c>: adds <paramref name="Quantity"/> units of <paramref name="Sku"/> at no charge. The gift
/// does not lower the payable total; <paramref name="Value"/> (per unit) is what it costs the merchant.
/// </summary>
public sealed record FreeGiftEffect(string Sku, int Quantity, decimal Value) : DiscountEffect
{
    /// <inheritdoc />
    public override string Type => EffectTypes.FreeGift;
}
