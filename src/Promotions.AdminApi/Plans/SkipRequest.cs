namespace Promotions.AdminApi.Plans;

/// <summary>When to skip a stage: at least this share (0 to 1) of the budget spent.</summary>
internal sealed record SkipRequest(decimal? BudgetSpentAtLeast = null);
