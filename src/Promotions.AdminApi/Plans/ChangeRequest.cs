using System.Text.Json;

namespace Promotions.AdminApi.Plans;

/// <summary>
/// A change: <c>activate</c>, <c>pause</c>, <c>end</c> (of <c>promotionId</c>, or of the campaign without one),
/// <c>set_effect</c>, or <c>distribute_codes</c> (a code of <c>promotionId</c>'s pool to each customer of
/// <c>segmentId</c>, <c>batchSize</c> customers a batch).
/// </summary>
internal sealed record ChangeRequest(
    string? Type = null, string? PromotionId = null, JsonElement? Effect = null, string? SegmentId = null, int? BatchSize = null);
