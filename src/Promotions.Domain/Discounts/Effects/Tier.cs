namespace Promotions.Domain.Discounts.Effects;

/// <summary>One tier: reached at <paramref name="Threshold"/>; exactly one of the two benefits is set.</summary>
public sealed record Tier(decimal Threshold, decimal? PercentOff, decimal? AmountOff);
