using System.Text.Json.Serialization;
namespace Promotions.Domain.Events;

/// <summary>A hold ran out before it was confirmed; its capacity and <paramref name="Discount"/> went back.</summary>
public sealed record ReservationExpired(
    string EventId,
    DateTimeOffset OccurredAt,
    string RedemptionId,
    string PromotionId,
    string? CampaignId,
    decimal Discount,
    string Currency) : DomainEvent(EventId, OccurredAt)
{
    public const string TypeName = "reservation_expired";

    [JsonIgnore]
    public override string Type => TypeName;

    public override int Version => 1;
}
