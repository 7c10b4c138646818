namespace Promotions.Domain.Discounts.Effects;

/// <summary>
/// <c>buy_x_get_y</c>: for every <see cref="BuyClause.Quantity"/> units bought from the buy filter,
/// <see cref="GetClause.Quantity"/> units from the get filter are discounted by <see cref="GetClause.PercentOff"/>.
/// A unit counted as bought is never also discounted.
/// </summary>
/// <param name="Repeat">Apply once per qualifying set of units (up to <paramref name="MaxApplications"/>) instead of once.</param>
/// <param name="MaxApplications">With <paramref name="Repeat"/>, the most applications; null for no cap.</param>
public sealed record BuyXGetYEffect(BuyClause Buy, GetClause Get, bool Repeat, int? MaxApplications, GetChoice Choose)
    : DiscountEffect
{
    /// <inheritdoc />
    public override string Type => EffectTypes.BuyXGetY;

    /// <summary>How many times the effect may apply at most, or null for no cap.</summary>
    public int? ApplicationCap => Repeat ? MaxApplications : 1;
}
