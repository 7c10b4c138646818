namespace Promotions.Domain.Redemptions;

/// <summary>A recorded redemption, with the discount allocated to the order's lines.</summary>
public sealed record Redemption(
    string Id,
    string PromotionId,
    string? CodeId,
    string? CustomerId,
    string Channel,
    DateTimeOffset RedeemedAt,
    string OrderId,
    decimal OrderTotal,
    decimal DiscountAmount,
    string Currency,
    IReadOnlyList<LineAllocation> Allocations,
    RedemptionStatus Status);

/// <summary>The part of a discount that one cart line carries (per line, all units together).</summary>
public sealed record LineAllocation(string LineId, decimal Amount);

/// <summary>State of a redemption.</summary>
public enum RedemptionStatus
{
    Reserved,
    Confirmed,
    Released,
    Expired,
    Reversed,
    PartiallyReversed,
}
