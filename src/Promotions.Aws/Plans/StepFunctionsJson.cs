using System.Text.Json.Serialization;

namespace Promotions.Aws.Plans;

/// <summary>The bodies of the Step Functions calls (camelCase, as the service names its members) and a plan execution's input.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StopExecutionRequest))]
[JsonSerializable(typeof(PlanExecutionInput))]
internal sealed partial class StepFunctionsJson : JsonSerializerContext;

internal sealed record StartExecutionRequest(string StateMachineArn, string Name, string Input);

internal sealed record StopExecutionRequest(string ExecutionArn, string Cause);

/// <summary>The input of a plan's execution: ids and times only (docs/scheduling.md, "Limits").</summary>
internal sealed record PlanExecutionInput(string CampaignId, long Revision, IReadOnlyList<PlanExecutionStep> Steps);

/// <summary>
/// A step of the execution's input: its ids and its time (RFC 3339 in UTC, whole seconds rounded up). Each step repeats
/// the campaign and revision so the Map's iterations need no <c>ItemSelector</c> over the context object.
/// </summary>
internal sealed record PlanExecutionStep(string CampaignId, long Revision, int Index, string At);
