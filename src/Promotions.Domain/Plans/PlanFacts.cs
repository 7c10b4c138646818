namespace Promotions.Domain.Plans;

/// <summary>What a skip condition reads when a stage falls due; null when the campaign has no budget.</summary>
public sealed record PlanFacts(decimal? BudgetSpentShare)
{
    public static PlanFacts None { get; } = new((decimal?)null);
}
