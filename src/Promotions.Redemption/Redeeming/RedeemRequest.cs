using Promotions.Domain.Offers.Input;

namespace Promotions.Redemption.Redeeming;

/// <summary>
/// <c>POST /redemptions</c>: the order being paid, the customer (stored, inline, or neither for a guest), the channel and
/// the codes entered (up to ten; <paramref name="Code"/> is the same as one code). Every promotion the cart's quote
/// applies, automatic ones and codes, is redeemed together.
/// </summary>
/// <param name="PromotionId">Optional: a promotion that must be among those applied (e.g. the automatic promotion the checkout showed).</param>
/// <param name="Mode"><c>all</c> (default): all that was quoted or nothing; <c>partial</c>: what still applies when a limit ran out meanwhile.</param>
/// <param name="QuoteFingerprint">The <c>fingerprint</c> of the <c>/validate</c> answer shown to the customer: the redemption then records exactly that quote or nothing.</param>
public sealed record RedeemRequest(
    OrderInput Order,
    string Channel,
    IReadOnlyList<string>? Codes = null,
    string? Code = null,
    string? PromotionId = null,
    string? CustomerId = null,
    ProfileInput? Customer = null,
    RedeemMode? Mode = null,
    string? QuoteFingerprint = null,
    bool? Explain = null)
{
    /// <summary>The codes entered: <see cref="Codes"/>, with <see cref="Code"/> first when both are sent.</summary>
    public IReadOnlyList<string> AllCodes => Code is null ? Codes ?? [] : [Code, .. Codes ?? []];
}

/// <summary>What a redemption records when the world changed between the quote shown and the payment.</summary>
public enum RedeemMode
{
    /// <summary>Everything quoted, or nothing (409 with the new quote).</summary>
    All,

    /// <summary>What still applies, quoted again as a consistent stack.</summary>
    Partial,
}

/// <summary><c>POST /redemptions/reservations</c>: a redemption held for <paramref name="HoldSeconds"/> (default 900, at most 3600).</summary>
public sealed record ReserveRequest(
    OrderInput Order,
    string Channel,
    IReadOnlyList<string>? Codes = null,
    string? Code = null,
    string? PromotionId = null,
    string? CustomerId = null,
    ProfileInput? Customer = null,
    RedeemMode? Mode = null,
    string? QuoteFingerprint = null,
    int? HoldSeconds = null,
    bool? Explain = null)
{
    public RedeemRequest ToRedeem() => new(Order, Channel, Codes, Code, PromotionId, CustomerId, Customer, Mode, QuoteFingerprint, Explain);
}

/// <summary>The order being paid: the cart of the Validation service plus the merchant's order id.</summary>
public sealed record OrderInput(string OrderId, string Currency, IReadOnlyList<CartLineInput> Lines, decimal? Shipping = null)
{
    public CartInput ToCart() => new(Currency, Lines, Shipping);
}
