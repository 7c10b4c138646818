namespace Promotions.Domain.Carts;

/// <summary>One line of a cart. Prices are per unit, in the cart's currency, before any promotion.</summary>
/// <param name="LineId">The caller's id of the line; allocations and partial returns refer to it.</param>
/// <param name="NonDiscountable">The merchant forbids any discount on this line (e.g. gift cards).</param>
/// <param name="AlreadyDiscounted">The line already carries a price reduction (e.g. clearance).</param>
public sealed record CartLine(
    string LineId,
    string Sku,
    string? Category,
    int Quantity,
    decimal UnitPrice,
    bool NonDiscountable = false,
    bool AlreadyDiscounted = false)
{
    public decimal Total => UnitPrice * Quantity;
}
