using System.Text.Json.Serialization;
using Promotions.Domain.Codes;

namespace Promotions.Domain.Events;

/// <summary>
/// A batch of a campaign plan's code distribution was written: each customer of <paramref name="Codes"/> now owns
/// that code of promotion <paramref name="PromotionId"/>. Channels (e-mail, app) send them on. Written in the batch's
/// transaction, once per batch number of a distribution (campaign, plan revision, stage, change), always with the
/// same contents.
/// </summary>
public sealed record CodesDistributed(
    string EventId,
    DateTimeOffset OccurredAt,
    string CampaignId,
    long PlanRevision,
    int StageIndex,
    string StageName,
    int ChangeIndex,
    string PromotionId,
    string SegmentId,
    int Batch,
    IReadOnlyList<DistributedCode> Codes) : DomainEvent(EventId, OccurredAt)
{
    public const string TypeName = "codes_distributed";

    [JsonIgnore]
    public override string Type => TypeName;

    public override int Version => 1;
}
