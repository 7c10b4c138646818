namespace Promotions.Domain.Plans;

/// <summary>
/// The record of a step that ran, keyed by campaign, plan revision and stage index, written in the same transaction as
/// its changes: a second delivery of the same step finds it and changes nothing.
/// </summary>
public sealed record StepRecord(
    string CampaignId,
    long Revision,
    int Index,
    StepOutcome Outcome,
    DateTimeOffset RanAt,
    IReadOnlyList<ChangeReport> Changes);
