using System.Text.Json.Serialization;

namespace Promotions.Domain.Events;

/// <summary>
/// A fact that happened, written to the outbox in the same transaction as the change it reports and delivered
/// at least once: consumers deduplicate by <see cref="EventId"/>. On the wire the JSON carries its type in
/// <c>type</c> (first member) and its schema version in <c>version</c>; see docs/events.md for the envelope.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PromotionPublished), PromotionPublished.TypeName)]
[JsonDerivedType(typeof(PromotionChanged), PromotionChanged.TypeName)]
[JsonDerivedType(typeof(CodesGenerated), CodesGenerated.TypeName)]
[JsonDerivedType(typeof(RedemptionRecorded), RedemptionRecorded.TypeName)]
[JsonDerivedType(typeof(RedemptionReversed), RedemptionReversed.TypeName)]
[JsonDerivedType(typeof(ReservationExpired), ReservationExpired.TypeName)]
[JsonDerivedType(typeof(ReservationReleased), ReservationReleased.TypeName)]
[JsonDerivedType(typeof(BudgetThresholdCrossed), BudgetThresholdCrossed.TypeName)]
[JsonDerivedType(typeof(CampaignPaced), CampaignPaced.TypeName)]
[JsonDerivedType(typeof(CampaignResumed), CampaignResumed.TypeName)]
[JsonDerivedType(typeof(CampaignStageApplied), CampaignStageApplied.TypeName)]
[JsonDerivedType(typeof(CodesDistributed), CodesDistributed.TypeName)]
public abstract record DomainEvent(string EventId, DateTimeOffset OccurredAt)
{
    /// <summary>Prefix of event ids (<c>evt_…</c>, from <c>Ids.New</c>).</summary>
    public const string IdPrefix = "evt";

    /// <summary>The type name, as in the <c>type</c> discriminator.</summary>
    [JsonIgnore]
    public abstract string Type { get; }

    /// <summary>The schema version of this type; a consumer reads the versions it knows and parks the others.</summary>
    public abstract int Version { get; }
}
