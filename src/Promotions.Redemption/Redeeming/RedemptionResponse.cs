using Promotions.Domain.Offers;
using Promotions.Domain.Redemptions;
using Promotions.ServiceDefaults.Quotes;

namespace Promotions.Redemption.Redeeming;

/// <summary>
/// An order's redemption or reservation as the API shows it, in the shape of <c>/validate</c>'s answer: totals
/// (<c>total = subtotal + shipping − discount</c>), each promotion applied with its share of each line, each line's
/// amounts and what returns gave back, and (when it was just made) what did not apply and why.
/// </summary>
public sealed record RedemptionResponse(
    string Id,
    RedemptionStatus Status,
    string OrderId,
    string? CustomerId,
    string Channel,
    string Currency,
    decimal Subtotal,
    decimal Shipping,
    decimal Discount,
    decimal Total,
    decimal ReversedAmount,
    IReadOnlyList<AppliedRedemption> Applied,
    IReadOnlyList<RedeemedLineResponse> Lines,
    IReadOnlyList<NotAppliedResponse>? NotApplied,
    string? QuoteFingerprint,
    DateTimeOffset RedeemedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset UpdatedAt)
{
    /// <param name="names">The live catalog, for promotion names (a promotion no longer live shows its id).</param>
    /// <param name="notApplied">What the quote left out, when the redemption was just made.</param>
    public static RedemptionResponse From(OrderRedemption order, CatalogSnapshot? names, IReadOnlyList<Rejection>? notApplied = null)
    {
        ArgumentNullException.ThrowIfNull(order);
        var lines = order.Lines.Select(line =>
        {
            var parts = order.Redemptions.Select(p => p.Lines.FirstOrDefault(l => l.LineId == line.LineId)).OfType<RedeemedLine>().ToArray();
            var discount = parts.Sum(static l => l.Allocated);
            return new RedeemedLineResponse(line.LineId, line.Quantity, line.Amount, discount, line.Amount - discount,
                parts.Length > 0 ? parts[0].ReturnedQuantity : 0, parts.Sum(static l => l.Reversed));
        }).ToArray();
        return new RedemptionResponse(
            order.Id, order.Status, order.OrderId, order.CustomerId, order.Channel, order.Currency, order.Subtotal, order.Shipping,
            order.Discount, order.Total, order.ReversedAmount,
            order.Redemptions.Select(p => AppliedRedemption.From(p, names)).ToArray(),
            lines,
            notApplied?.Select(static r => new NotAppliedResponse(r.PromotionId, r.Code, r.Reason, r.Message, r.Hint, r.FailedConditions)).ToArray(),
            order.QuoteFingerprint, order.RedeemedAt, order.ExpiresAt, order.UpdatedAt);
    }
}

/// <summary>
/// One promotion of the order: its line discount (<paramref name="Amount"/>) with the share of each line, its shipping
/// discount, gifts, the revenue credited to it, and what reversals gave back.
/// </summary>
public sealed record AppliedRedemption(
    string RedemptionId,
    string PromotionId,
    string? CampaignId,
    string? Code,
    string Name,
    decimal Amount,
    decimal ShippingDiscount,
    decimal ReversedAmount,
    decimal? Revenue,
    IReadOnlyList<LineAllocation> Allocations,
    IReadOnlyList<Domain.Discounts.GiftLine> Gifts)
{
    /// <summary>The stage of its campaign's plan the part was recorded in; absent when none (docs/redemption.md, "Stage").</summary>
    public Domain.Campaigns.CampaignStage? Stage { get; init; }

    public static AppliedRedemption From(Domain.Redemptions.Redemption part, CatalogSnapshot? names)
    {
        ArgumentNullException.ThrowIfNull(part);
        var name = names is not null && names.ById.TryGetValue(part.PromotionId, out var live) ? live.Promotion.Name : part.PromotionId;
        return new AppliedRedemption(part.Id, part.PromotionId, part.CampaignId, part.Code, name, part.DiscountAmount - part.ShippingDiscount,
            part.ShippingDiscount, part.ReversedAmount, part.Revenue, part.Allocations, part.Gifts)
        {
            Stage = part.Stage,
        };
    }
}

/// <summary>One order line: units, amount before and after the discount, and what returns gave back.</summary>
public sealed record RedeemedLineResponse(
    string LineId, int Quantity, decimal Original, decimal Discount, decimal Final, int ReturnedQuantity, decimal ReversedDiscount);
