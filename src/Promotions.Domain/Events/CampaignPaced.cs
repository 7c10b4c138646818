using System.Text.Json.Serialization;
using Promotions.Domain.Campaigns;

namespace Promotions.Domain.Events;

/// <summary>
/// Budget pacing paused a campaign's live promotions: its spend ran ahead of its pace. <paramref name="Line"/> is what
/// it may have spent by now, <paramref name="Spent"/> what it had (holds included), both in <paramref name="Currency"/>.
/// </summary>
/// <param name="Actor">Always <c>pacing</c>.</param>
public sealed record CampaignPaced(
    string EventId,
    DateTimeOffset OccurredAt,
    string CampaignId,
    PacingMode Mode,
    decimal Spent,
    decimal Line,
    string Currency,
    string Actor) : DomainEvent(EventId, OccurredAt)
{
    public const string TypeName = "campaign_paced";

    [JsonIgnore]
    public override string Type => TypeName;

    public override int Version => 1;
}
