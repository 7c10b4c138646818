namespace Promotions.Domain.Discounts.Effects;

/// <summary>
/// <c>fixed_price</c>: "<paramref name="Quantity"/> for <paramref name="Price"/>". Matching units are grouped
/// most expensive first; a group whose normal price is not above <paramref name="Price"/> gives nothing.
/// </summary>
/// <param name="MaxApplications">The most groups priced this way; null for as many as the cart holds.</param>
public sealed record FixedPriceEffect(int Quantity, decimal Price, EffectTarget Target, int? MaxApplications) : DiscountEffect
{
    /// <inheritdoc />
    public override string Type => EffectTypes.FixedPrice;
}
