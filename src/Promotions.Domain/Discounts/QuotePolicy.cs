namespace Promotions.Domain.Discounts;

/// <summary>Margin guardrails and limits for one quote.</summary>
/// <param name="MaxCombinedDiscountPercent">
/// The most all line discounts together may take, as a percent of the subtotal, in [0, 100]; null for no cap.
/// Later promotions are trimmed first. Shipping discounts and gifts are outside this cap.
/// </param>
/// <param name="MaxCodesPerCart">The most distinct codes applied to one cart; candidates with further codes are not applied.</param>
/// <param name="ExcludeAlreadyDiscounted">No effect discounts lines flagged <c>AlreadyDiscounted</c>.</param>
/// <param name="PriceFloorPercent">A line never goes below this percent of its original amount, in [0, 100]; null for zero.</param>
public sealed record QuotePolicy(
    decimal? MaxCombinedDiscountPercent = null,
    int MaxCodesPerCart = 5,
    bool ExcludeAlreadyDiscounted = false,
    decimal? PriceFloorPercent = null)
{
    /// <summary>No combined cap, five codes, already-discounted lines allowed, no price floor; every miss reported.</summary>
    public static QuotePolicy Default { get; } = new();

    /// <summary>
    /// Which candidates that gave nothing the quote lists in <see cref="Quote.NotApplied"/>: all of them (the default), or
    /// only what the cart's owner can act on — codes, and promotions whose miss carries a hint (<see cref="MissReport.Actionable"/>).
    /// </summary>
    public MissReport Misses { get; init; } = MissReport.All;
}
