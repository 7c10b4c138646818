using Promotions.Domain.Offers.Input;

namespace Promotions.Redemption.Redeeming;

/// <summary>
/// <c>POST /redemptions</c>: a code (or an automatic promotion's id), the customer (stored, inline, or neither for
/// a guest), the channel and the order.
/// </summary>
public sealed record RedeemRequest(
    OrderInput Order,
    string Channel,
    string? Code = null,
    string? PromotionId = null,
    string? CustomerId = null,
    ProfileInput? Customer = null);

/// <summary><c>POST /redemptions/reservations</c>: a redemption held for <paramref name="HoldSeconds"/> (default 900, at most 3600).</summary>
public sealed record ReserveRequest(
    OrderInput Order,
    string Channel,
    string? Code = null,
    string? PromotionId = null,
    string? CustomerId = null,
    ProfileInput? Customer = null,
    int? HoldSeconds = null)
{
    public RedeemRequest ToRedeem() => new(Order, Channel, Code, PromotionId, CustomerId, Customer);
}

/// <summary>The order being paid: the cart of the Validation service plus the merchant's order id.</summary>
public sealed record OrderInput(string OrderId, string Currency, IReadOnlyList<CartLineInput> Lines, decimal? Shipping = null)
{
    public CartInput ToCart() => new(Currency, Lines, Shipping);
}
