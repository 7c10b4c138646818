namespace Promotions.Domain.Discounts.Effects;

/// <summary>The "get" side of a buy-X-get-Y effect.</summary>
/// <param name="Filter">The units that may be discounted; null means the buy filter's units.</param>
/// <param name="PercentOff">In (0, 100]; 100 makes them free.</param>
public sealed record GetClause(int Quantity, ItemFilter? Filter, decimal PercentOff);
