using System.Text.Json;

namespace Promotions.AdminApi.Plans;

/// <summary>A change: <c>activate</c>, <c>pause</c>, <c>end</c> (of <c>promotionId</c>, or of the campaign without one) or <c>set_effect</c>.</summary>
internal sealed record ChangeRequest(string? Type = null, string? PromotionId = null, JsonElement? Effect = null);
