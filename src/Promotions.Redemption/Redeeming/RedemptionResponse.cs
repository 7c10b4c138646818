using Promotions.Domain.Redemptions;

namespace Promotions.Redemption.Redeeming;

/// <summary>A redemption or reservation as the API shows it.</summary>
public sealed record RedemptionResponse(
    string Id,
    RedemptionStatus Status,
    string PromotionId,
    string? CampaignId,
    string? Code,
    string? CustomerId,
    string Channel,
    string OrderId,
    decimal OrderTotal,
    decimal Discount,
    decimal ShippingDiscount,
    decimal ReversedAmount,
    string Currency,
    IReadOnlyList<RedeemedLineResponse> Lines,
    DateTimeOffset RedeemedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset UpdatedAt)
{
    public static RedemptionResponse From(Domain.Redemptions.Redemption r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Status, r.PromotionId, r.CampaignId, r.Code, r.CustomerId, r.Channel, r.OrderId, r.OrderTotal,
            r.DiscountAmount, r.ShippingDiscount, r.ReversedAmount, r.Currency,
            r.Lines.Select(static l => new RedeemedLineResponse(l.LineId, l.Quantity, l.Allocated, l.ReturnedQuantity, l.Reversed)).ToArray(),
            r.RedeemedAt, r.ExpiresAt, r.UpdatedAt);
    }
}

/// <summary>One order line: units, the discount it carries, and what returns gave back.</summary>
public sealed record RedeemedLineResponse(string LineId, int Quantity, decimal Discount, int ReturnedQuantity, decimal ReversedDiscount);
