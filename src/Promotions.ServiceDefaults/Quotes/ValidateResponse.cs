using Promotions.Domain.Discounts;
using Promotions.Domain.Offers;

namespace Promotions.ServiceDefaults.Quotes;

/// <summary>
/// The quote of a cart: totals (<c>total = subtotal + shipping − discount</c>), what applied and where, each
/// line's amounts, everything that did not apply with its reason and hint, and the quote's fingerprint (send it
/// back to <c>/redemptions</c> to redeem exactly this quote or nothing). <c>/validate</c> answers it, and a
/// redemption refused because the cart's promotions changed carries it as <c>quote</c>.
/// </summary>
public sealed record ValidateResponse(
    string Currency,
    decimal Subtotal,
    decimal Shipping,
    decimal Discount,
    decimal Total,
    IReadOnlyList<AppliedResponse> Applied,
    IReadOnlyList<LineResponse> Lines,
    IReadOnlyList<NotAppliedResponse> NotApplied,
    string Fingerprint)
{
    public static ValidateResponse From(CartQuote result, CatalogSnapshot snapshot)
    {
        var quote = result.Quote;
        return new ValidateResponse(
            quote.Currency,
            quote.Subtotal,
            quote.Shipping,
            quote.TotalDiscount,
            quote.Total,
            quote.Applied.Select(a => AppliedResponse.From(a, snapshot)).ToArray(),
            quote.Lines.Select(static l => new LineResponse(l.LineId, l.Original, l.Discount, l.Final)).ToArray(),
            result.NotApplied.Select(static r => new NotAppliedResponse(r.PromotionId, r.Code, r.Reason, r.Message, r.Hint, r.FailedConditions))
                .ToArray(),
            QuoteFingerprint.Of(quote));
    }
}

/// <summary>A promotion that applied: its line discount with the share of each line, its shipping discount and its gifts.</summary>
public sealed record AppliedResponse(
    string PromotionId,
    string? Code,
    string Name,
    decimal Amount,
    decimal ShippingDiscount,
    IReadOnlyList<AllocationResponse> Allocations,
    IReadOnlyList<GiftResponse> Gifts)
{
    public static AppliedResponse From(AppliedPromotion applied, CatalogSnapshot snapshot) => new(
        applied.PromotionId,
        applied.Code,
        snapshot.ById.TryGetValue(applied.PromotionId, out var live) ? live.Promotion.Name : applied.PromotionId,
        applied.Amount,
        applied.ShippingDiscount,
        applied.Allocations.Select(static a => new AllocationResponse(a.LineId, a.Amount)).ToArray(),
        applied.Gifts.Select(static g => new GiftResponse(g.Sku, g.Quantity, g.Value)).ToArray());
}

/// <summary>The part of a promotion's discount one line carries.</summary>
public sealed record AllocationResponse(string LineId, decimal Amount);

/// <summary>A free gift: added to the order, not taken off the total.</summary>
public sealed record GiftResponse(string Sku, int Quantity, decimal Value);

/// <summary>One cart line: its original amount (all units), its discount and what remains.</summary>
public sealed record LineResponse(string LineId, decimal Original, decimal Discount, decimal Final);

/// <summary>A code or promotion that did not apply: a reason from the documented set, a message, and a hint where one helps.</summary>
public sealed record NotAppliedResponse(
    string? PromotionId,
    string? Code,
    string Reason,
    string Message,
    string? Hint,
    IReadOnlyList<FailedCondition>? FailedConditions);
