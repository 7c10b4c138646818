namespace Promotions.Aws.Plans;

/// <summary>
/// A step of the execution's input: its ids and its time (RFC 3339 in UTC, whole seconds rounded up). Each step repeats
/// the campaign and revision so the Map's iterations need no <c>ItemSelector</c> over the context object.
/// <paramref name="Distribute"/> is true (and otherwise left out) for a stage that distributes codes: the state machine
/// then waits for the Admin function's list of batches and hands each batch over.
/// </summary>
internal sealed record PlanExecutionStep(string CampaignId, long Revision, int Index, string At, bool? Distribute = null);
