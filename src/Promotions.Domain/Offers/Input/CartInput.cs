namespace Promotions.Domain.Offers.Input;

/// <summary>A cart as a channel sends it (bound from the request, validated by <see cref="InputValidator"/>).</summary>
public sealed record CartInput(string Currency, IReadOnlyList<CartLineInput> Lines, decimal? Shipping = null);

/// <summary>One line of a <see cref="CartInput"/>.</summary>
public sealed record CartLineInput(
    string LineId,
    string Sku,
    int Quantity,
    decimal UnitPrice,
    string? Category = null,
    bool NonDiscountable = false,
    bool AlreadyDiscounted = false);
