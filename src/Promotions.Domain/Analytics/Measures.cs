namespace Promotions.Domain.Analytics;

/// <summary>
/// The additive figures of a cell. Every field is a plain sum, so cells add up the same whatever order the
/// events arrive in; the ratios are derived on read. Reversals appear as their own sums (never as edits of
/// the redemption's), which is what lets a reversal that arrives first still net out.
/// </summary>
/// <param name="Redemptions">Redemptions recorded.</param>
/// <param name="Reversals">Reversal events (partial and full).</param>
/// <param name="FullReversals">Redemptions reversed in full (the last reversal of a redemption).</param>
/// <param name="CodeRedemptions">Redemptions made with a code, less those reversed in full (net).</param>
/// <param name="CodesIssued">Codes generated or imported.</param>
/// <param name="DiscountGiven">Discount charged by redemptions (line and shipping).</param>
/// <param name="DiscountReversed">Discount given back by reversals.</param>
/// <param name="OrderRevenue">Order totals of the orders that redeemed.</param>
/// <param name="RevenueReversed">Order totals of redemptions later reversed in full.</param>
public readonly record struct Measures(
    long Redemptions = 0,
    long Reversals = 0,
    long FullReversals = 0,
    long CodeRedemptions = 0,
    long CodesIssued = 0,
    decimal DiscountGiven = 0m,
    decimal DiscountReversed = 0m,
    decimal OrderRevenue = 0m,
    decimal RevenueReversed = 0m)
{
    /// <summary>Redemptions that still stand (not reversed in full).</summary>
    public long NetRedemptions => Redemptions - FullReversals;

    /// <summary>Discount given net of reversals: the discount cost, and what the budget is charged.</summary>
    public decimal NetDiscount => DiscountGiven - DiscountReversed;

    /// <summary>Order revenue of orders whose redemption still stands (see docs/analytics.md for the caveats).</summary>
    public decimal AttributedRevenue => OrderRevenue - RevenueReversed;

    /// <summary>(attributed revenue − discount cost) / discount cost; null when nothing was spent.</summary>
    public decimal? Roi => NetDiscount > 0m ? Math.Round((AttributedRevenue - NetDiscount) / NetDiscount, 4, MidpointRounding.AwayFromZero) : null;

    /// <summary>Net code redemptions per code issued; null when no code was issued.</summary>
    public decimal? RedemptionRate => CodesIssued > 0 ? Math.Round((decimal)CodeRedemptions / CodesIssued, 6, MidpointRounding.AwayFromZero) : null;

    public static Measures operator +(Measures left, Measures right) => new(
        left.Redemptions + right.Redemptions,
        left.Reversals + right.Reversals,
        left.FullReversals + right.FullReversals,
        left.CodeRedemptions + right.CodeRedemptions,
        left.CodesIssued + right.CodesIssued,
        left.DiscountGiven + right.DiscountGiven,
        left.DiscountReversed + right.DiscountReversed,
        left.OrderRevenue + right.OrderRevenue,
        left.RevenueReversed + right.RevenueReversed);

    /// <summary>Named alternate of <c>+</c>.</summary>
    public Measures Add(Measures other) => this + other;
}
