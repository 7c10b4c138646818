namespace Promotions.AdminApi.Plans;

/// <summary>A campaign's plan as written: its stages, in order. Checked by <see cref="PlanParsing"/>.</summary>
internal sealed record PlanRequest(IReadOnlyList<StageRequest?>? Stages = null);
