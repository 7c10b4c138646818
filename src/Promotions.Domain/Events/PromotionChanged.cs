using System.Text.Json.Serialization;
using Promotions.Domain.Lifecycle;

namespace Promotions.Domain.Events;

/// <summary>A promotion's configuration or status changed; <paramref name="PromotionVersion"/> is its stored version after the change.</summary>
/// <param name="Actor">Who made the change when it was not a caller of the Admin API: <c>schedule</c> for a step of the schedule.</param>
public sealed record PromotionChanged(
    string EventId,
    DateTimeOffset OccurredAt,
    string PromotionId,
    string CampaignId,
    long PromotionVersion,
    LifecycleStatus Status,
    string? Actor = null) : DomainEvent(EventId, OccurredAt)
{
    public const string TypeName = "promotion_changed";

    [JsonIgnore]
    public override string Type => TypeName;

    public override int Version => 1;
}
