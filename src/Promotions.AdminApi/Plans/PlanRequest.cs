using System.Text.Json;

namespace Promotions.AdminApi.Plans;

/// <summary>A campaign's plan as written: its stages, in order. Checked by <see cref="PlanParsing"/>.</summary>
internal sealed record PlanRequest(IReadOnlyList<StageRequest?>? Stages = null);

/// <summary>A stage: an instant (<c>at</c>) or an ISO 8601 duration after the previous stage (<c>after</c>, e.g. <c>P2D</c>, <c>PT30M</c>).</summary>
internal sealed record StageRequest(
    string? Name = null,
    DateTimeOffset? At = null,
    string? After = null,
    IReadOnlyList<ChangeRequest?>? Changes = null,
    SkipRequest? SkipIf = null);

/// <summary>A change: <c>activate</c>, <c>pause</c>, <c>end</c> (of <c>promotionId</c>, or of the campaign without one) or <c>set_effect</c>.</summary>
internal sealed record ChangeRequest(string? Type = null, string? PromotionId = null, JsonElement? Effect = null);

/// <summary>When to skip a stage: at least this share (0 to 1) of the budget spent.</summary>
internal sealed record SkipRequest(decimal? BudgetSpentAtLeast = null);
