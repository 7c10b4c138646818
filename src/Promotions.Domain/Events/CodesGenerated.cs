using System.Text.Json.Serialization;
namespace Promotions.Domain.Events;

/// <summary>A code generation or import job stored <paramref name="Count"/> new codes for a promotion.</summary>
public sealed record CodesGenerated(
    string EventId,
    DateTimeOffset OccurredAt,
    string PromotionId,
    string JobId,
    long Count) : DomainEvent(EventId, OccurredAt)
{
    public const string TypeName = "codes_generated";

    [JsonIgnore]
    public override string Type => TypeName;

    public override int Version => 1;
}
