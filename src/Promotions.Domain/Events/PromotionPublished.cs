using System.Text.Json.Serialization;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Events;

/// <summary>A promotion became live (activated): offers may include it from <paramref name="OccurredAt"/>.</summary>
/// <param name="Actor">Who made the change when it was not a caller of the Admin API: <c>schedule</c> for a step of the schedule.</param>
public sealed record PromotionPublished(
    string EventId,
    DateTimeOffset OccurredAt,
    string PromotionId,
    string CampaignId,
    string Name,
    PromotionKind Kind,
    IReadOnlyList<string> Channels,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? Actor = null) : DomainEvent(EventId, OccurredAt)
{
    public const string TypeName = "promotion_published";

    [JsonIgnore]
    public override string Type => TypeName;

    public override int Version => 1;
}
