namespace Promotions.Domain.Discounts.Effects;

/// <summary>The "buy" side of a buy-X-get-Y effect.</summary>
/// <param name="Filter">The units that count as bought; null means any discountable unit.</param>
public sealed record BuyClause(int Quantity, ItemFilter? Filter);
