namespace Promotions.AdminApi.Plans;

/// <summary>A skip condition as written.</summary>
internal sealed record SkipResponse(decimal? BudgetSpentAtLeast);
