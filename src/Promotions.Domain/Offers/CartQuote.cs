using Promotions.Domain.Discounts;

namespace Promotions.Domain.Offers;

/// <summary>
/// A quote of a cart: the discount engine's quote, and every code or promotion that did not apply — the
/// offers logic's rejections first (codes in the order sent, then automatic promotions), then the engine's.
/// </summary>
public sealed record CartQuote(Quote Quote, IReadOnlyList<Rejection> NotApplied);
