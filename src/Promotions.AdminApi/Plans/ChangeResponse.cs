using System.Text.Json;
using Promotions.Domain.Plans;

namespace Promotions.AdminApi.Plans;

/// <summary>A change as written.</summary>
internal sealed record ChangeResponse(StageChangeKind Type, string? PromotionId, JsonElement? Effect, string? SegmentId = null, int? BatchSize = null);
