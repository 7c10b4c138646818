namespace Promotions.Domain.Discounts.Engine;

/// <summary>What one promotion of an evaluated stack took off (in minor units), or why it took nothing.</summary>
internal readonly struct StackEntry
{
    public required EffectPlan Plan { get; init; }

    /// <summary>The line discount, rounded down to the minor unit, after guardrails.</summary>
    public long Amount { get; init; }

    public long Shipping { get; init; }

    /// <summary>True when the allocations per line are in the plan's <see cref="EffectPlan.Shares"/>.</summary>
    public bool HasShares { get; init; }

    public GiftLine? Gift { get; init; }

    public long GiftValue { get; init; }

    public decimal GuardrailReduction { get; init; }

    public Miss? Miss { get; init; }

    /// <summary>What the customer gains: line and shipping discount plus the gift's value.</summary>
    public long Benefit => Amount + Shipping + GiftValue;

    public bool Applied => Amount > 0 || Shipping > 0 || Gift is not null;
}
