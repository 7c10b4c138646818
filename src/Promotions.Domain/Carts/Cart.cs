namespace Promotions.Domain.Carts;

/// <summary>A cart to quote or redeem against: lines, currency and the shipping charge.</summary>
public sealed record Cart(string Currency, IReadOnlyList<CartLine> Lines, decimal Shipping = 0m)
{
    public decimal Subtotal => Lines.Sum(static l => l.Total);

    public int ItemCount => Lines.Sum(static l => l.Quantity);
}
