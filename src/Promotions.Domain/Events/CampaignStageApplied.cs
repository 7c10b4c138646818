using System.Text.Json.Serialization;
using Promotions.Domain.Plans;

namespace Promotions.Domain.Events;

/// <summary>
/// A step of a campaign's plan ran: stage <paramref name="StageIndex"/> of plan revision <paramref name="PlanRevision"/>,
/// applied or skipped, with what each of its changes did. Written in the transaction of the step, once per step.
/// </summary>
public sealed record CampaignStageApplied(
    string EventId,
    DateTimeOffset OccurredAt,
    string CampaignId,
    long PlanRevision,
    int StageIndex,
    string StageName,
    StepOutcome Outcome,
    IReadOnlyList<ChangeReport> Changes) : DomainEvent(EventId, OccurredAt)
{
    public const string TypeName = "campaign_stage_applied";

    [JsonIgnore]
    public override string Type => TypeName;

    public override int Version => 1;
}
