namespace Promotions.Domain.Discounts.Engine;

/// <summary>What one promotion of an evaluated stack took off, or why it took nothing.</summary>
internal sealed class StackEntry
{
    public required EffectPlan Plan { get; init; }

    /// <summary>The line discount, rounded down to the minor unit, after guardrails.</summary>
    public decimal Amount { get; init; }

    public decimal Shipping { get; init; }

    /// <summary>Per line (line-id order), summing to <see cref="Amount"/>; null when details were not asked for.</summary>
    public decimal[]? Allocations { get; init; }

    public GiftLine? Gift { get; init; }

    public decimal GuardrailReduction { get; init; }

    public Miss? Miss { get; init; }

    /// <summary>What the customer gains: line and shipping discount plus the gift's value.</summary>
    public decimal Benefit => Amount + Shipping + (Gift?.Value ?? 0m);

    public bool Applied => Amount > 0m || Shipping > 0m || Gift is not null;
}
