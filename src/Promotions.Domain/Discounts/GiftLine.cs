namespace Promotions.Domain.Discounts;

/// <summary>A free gift added by a promotion.</summary>
/// <param name="Value">What the gift line (all its units) costs the merchant, in the cart currency; not taken off the total.</param>
public sealed record GiftLine(string Sku, int Quantity, decimal Value);
