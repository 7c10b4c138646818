namespace Promotions.Domain.Discounts.Effects;

/// <summary>Which qualifying units a buy-X-get-Y effect discounts.</summary>
public enum GetChoice
{
    /// <summary>The cheapest qualifying units (<c>"choose":"cheapest"</c>, the default).</summary>
    Cheapest,

    /// <summary>The SKUs the get filter names, in the order listed (<c>"choose":"specified"</c>).</summary>
    Specified,
}
