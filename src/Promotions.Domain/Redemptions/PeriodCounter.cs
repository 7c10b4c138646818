namespace Promotions.Domain.Redemptions;

/// <summary>A promotion's counter in one period (<see cref="PeriodKeys"/>), for usage reads.</summary>
public sealed record PeriodCounter(string PromotionId, string Period);
