using System.Text.Json.Serialization;
using Promotions.Domain.Campaigns;

namespace Promotions.Domain.Events;

/// <summary>
/// Budget pacing resumed the promotions it had paused: the pace caught up with the spend. <paramref name="Line"/> is what
/// it may have spent by now, <paramref name="Spent"/> what it had (holds included), both in <paramref name="Currency"/>.
/// </summary>
/// <param name="Actor">Always <c>pacing</c>.</param>
public sealed record CampaignResumed(
    string EventId,
    DateTimeOffset OccurredAt,
    string CampaignId,
    PacingMode Mode,
    decimal Spent,
    decimal Line,
    string Currency,
    string Actor) : DomainEvent(EventId, OccurredAt)
{
    public const string TypeName = "campaign_resumed";

    [JsonIgnore]
    public override string Type => TypeName;

    public override int Version => 1;
}
