namespace Promotions.Domain.Discounts;

/// <summary>
/// The discounts for one cart. <c>Total = Subtotal + Shipping - TotalDiscount</c>, never negative;
/// <c>TotalDiscount = LineDiscount + ShippingDiscount</c>. Amounts are in <paramref name="Currency"/>, rounded to its minor unit.
/// </summary>
/// <param name="Applied">The promotions that applied, in the order they were applied.</param>
/// <param name="NotApplied">The candidates that did not, in candidate rank order (priority, then id).</param>
/// <param name="Lines">One entry per cart line, in the cart's order.</param>
public sealed record Quote(
    string Currency,
    decimal Subtotal,
    decimal Shipping,
    decimal LineDiscount,
    decimal ShippingDiscount,
    decimal TotalDiscount,
    decimal Total,
    IReadOnlyList<AppliedPromotion> Applied,
    IReadOnlyList<NotApplied> NotApplied,
    IReadOnlyList<LineQuote> Lines);
