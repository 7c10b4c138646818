using System.Text.Json.Serialization;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Events;

/// <summary>
/// A redemption took effect (a direct redemption, or a confirmed reservation): the discount is spent.
/// <paramref name="Discount"/> is what the budget was charged (line and shipping discount);
/// <paramref name="SegmentIds"/> are the customer's segments at redemption time, for reports by segment.
/// </summary>
public sealed record RedemptionRecorded(
    string EventId,
    DateTimeOffset OccurredAt,
    string RedemptionId,
    string PromotionId,
    string? CampaignId,
    string? Code,
    string? CustomerId,
    string Channel,
    string OrderId,
    decimal OrderTotal,
    decimal Discount,
    string Currency,
    IReadOnlyList<LineAllocation> Allocations,
    IReadOnlyList<string> SegmentIds) : DomainEvent(EventId, OccurredAt)
{
    public const string TypeName = "redemption_recorded";

    /// <summary>
    /// The part of the order's total credited to this promotion (its share of the order's discount), so an order
    /// redeemed with several promotions counts its revenue once; absent from events written before, which credit
    /// <see cref="OrderTotal"/>.
    /// </summary>
    public decimal? Revenue { get; init; }

    /// <summary>
    /// The stage of the campaign's plan the redemption was recorded in (<see cref="Redemption.Stage"/>); absent when the
    /// campaign had no plan or no stage had run, and from events written before stages were recorded.
    /// </summary>
    public CampaignStage? Stage { get; init; }

    /// <summary>The revenue this redemption counts: <see cref="Revenue"/>, or the order total for older events.</summary>
    [JsonIgnore]
    public decimal CountedRevenue => Revenue ?? OrderTotal;

    [JsonIgnore]
    public override string Type => TypeName;

    public override int Version => 1;
}
