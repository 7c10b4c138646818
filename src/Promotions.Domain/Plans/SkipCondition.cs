namespace Promotions.Domain.Plans;

/// <summary>
/// When a stage is skipped instead of applied: once the campaign has spent at least
/// <paramref name="BudgetSpentAtLeast"/> (a share from 0 to 1) of its budget when the stage falls due.
/// </summary>
public sealed record SkipCondition(decimal? BudgetSpentAtLeast = null);
