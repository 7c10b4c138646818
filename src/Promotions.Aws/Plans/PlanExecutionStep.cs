namespace Promotions.Aws.Plans;

/// <summary>
/// A step of the execution's input: its ids and its time (RFC 3339 in UTC, whole seconds rounded up). Each step repeats
/// the campaign and revision so the Map's iterations need no <c>ItemSelector</c> over the context object.
/// </summary>
internal sealed record PlanExecutionStep(string CampaignId, long Revision, int Index, string At);
