using System.Text.Json.Serialization;

namespace Promotions.AdminApi.Plans;

/// <summary>The wire forms of <see cref="PlanStepMessage"/> and of the answer to a distribution step: camelCase, as the state machine reads and writes them.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PlanStepMessage))]
[JsonSerializable(typeof(DistributionDeliveries))]
internal sealed partial class PlanStepMessageJson : JsonSerializerContext;
