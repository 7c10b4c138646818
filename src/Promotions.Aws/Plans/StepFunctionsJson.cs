using System.Text.Json.Serialization;

namespace Promotions.Aws.Plans;

/// <summary>The bodies of the Step Functions calls (camelCase, as the service names its members) and a plan execution's input.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartExecutionRequest))]
[JsonSerializable(typeof(StopExecutionRequest))]
[JsonSerializable(typeof(PlanExecutionInput))]
[JsonSerializable(typeof(SendTaskSuccessRequest))]
[JsonSerializable(typeof(SendTaskFailureRequest))]
internal sealed partial class StepFunctionsJson : JsonSerializerContext;
