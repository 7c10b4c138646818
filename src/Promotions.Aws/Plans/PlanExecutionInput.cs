namespace Promotions.Aws.Plans;

/// <summary>The input of a plan's execution: ids and times only (docs/scheduling.md, "Limits").</summary>
internal sealed record PlanExecutionInput(string CampaignId, long Revision, IReadOnlyList<PlanExecutionStep> Steps);
