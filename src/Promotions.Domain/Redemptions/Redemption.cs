using System.Text.Json.Serialization;

namespace Promotions.Domain.Redemptions;

/// <summary>
/// A recorded redemption (or a reservation, while <see cref="Status"/> is <see cref="RedemptionStatus.Reserved"/>),
/// with the discount allocated to the order's lines. <paramref name="DiscountAmount"/> is what the campaign
/// budget is charged: the line discount plus the shipping discount.
/// </summary>
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
    RedemptionStatus Status)
{
    /// <summary>The campaign whose budget the discount is charged to.</summary>
    public string? CampaignId { get; init; }

    /// <summary>The normalized code redeemed; null for an automatic promotion.</summary>
    public string? Code { get; init; }

    /// <summary>Part of <see cref="DiscountAmount"/> taken off shipping; given back only by a full reversal.</summary>
    public decimal ShippingDiscount { get; init; }

    /// <summary>The order's lines as redeemed, with what each carries and what was returned since.</summary>
    public IReadOnlyList<RedeemedLine> Lines { get; init; } = [];

    /// <summary>When a reservation stops holding capacity; null once confirmed (and for direct redemptions).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>How much of <see cref="DiscountAmount"/> reversals have given back to the budget so far.</summary>
    public decimal ReversedAmount { get; init; }

    /// <summary>The customer's segments when redeemed, carried to the events analytics groups by.</summary>
    public IReadOnlyList<string> CustomerSegmentIds { get; init; } = [];

    /// <summary>
    /// True when the discount was charged to a campaign budget counter, so giving it back knows where to; set
    /// by the ledger.
    /// </summary>
    public bool BudgetCharged { get; init; }

    /// <summary>
    /// The part of the order's total credited to this promotion (by its share of the order's discount), so that an
    /// order redeemed with several promotions counts its revenue once across them; null in records written before.
    /// </summary>
    public decimal? Revenue { get; init; }

    /// <summary>
    /// The stage of its campaign's plan the campaign was in when the part was quoted for checkout (a hold keeps the
    /// stage of its quote when confirmed); null when the campaign had no plan or no stage had run, and in records written
    /// before stages were recorded. Its event carries it, and Analytics counts by it.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Campaigns.CampaignStage? Stage { get; init; }

    /// <summary>The period counters the part was counted on (empty when its promotion has no period limits).</summary>
    public IReadOnlyList<CountedPeriod> Periods { get; init; } = [];

    /// <summary>Free gifts the promotion added to the order (they are not taken off the total).</summary>
    public IReadOnlyList<Discounts.GiftLine> Gifts { get; init; } = [];

    /// <summary>When the status last changed (confirmed, released, expired, reversed).</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The discount still charged to the budget.</summary>
    public decimal RemainingDiscount => DiscountAmount - ReversedAmount;
}

/// <summary>The part of a discount that one cart line carries (per line, all units together).</summary>
public readonly record struct LineAllocation(string LineId, decimal Amount);

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
