using System.Text.Json.Serialization;

namespace Promotions.AdminApi.Plans;

/// <summary>The wire form of <see cref="PlanStepMessage"/>: camelCase, as the state machine writes it.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlanStepMessage))]
internal sealed partial class PlanStepMessageJson : JsonSerializerContext;
