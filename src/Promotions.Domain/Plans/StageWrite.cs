using Promotions.Domain.Campaigns;
using Promotions.Domain.Events;

namespace Promotions.Domain.Plans;

/// <summary>
/// Everything one plan step writes, in one transaction: the step's record (refused when it exists), the campaign
/// under the version it was read at (<see cref="CampaignVersion"/>, checked even when <see cref="Campaign"/> is null
/// because the step does not change it), each changed promotion under the version it was read at, and the events.
/// </summary>
public sealed record StageWrite(
    StepRecord Record,
    string CampaignId,
    long CampaignVersion,
    Campaign? Campaign,
    IReadOnlyList<PromotionWrite> Promotions,
    IReadOnlyList<DomainEvent> Events);
