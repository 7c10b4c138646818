namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// What one effect wants to take off, before rounding and guardrails: per-line weights (each at most the
/// line's room, they also steer the allocation; held in the workspace, exact integers when
/// <see cref="Scaled"/>, decimals otherwise), the exact line discount (at most their sum), a shipping
/// discount in minor units (already rounded down) and a gift; or the <see cref="Miss"/> explaining why there is nothing.
/// </summary>
internal readonly struct EffectOutcome
{
    public bool HasLines { get; init; }

    public bool Scaled { get; init; }

    /// <summary>The exact line discount in 10^-scale units, when <see cref="Scaled"/>.</summary>
    public long ExactScaled { get; init; }

    public decimal Exact { get; init; }

    public long Shipping { get; init; }

    public GiftLine? Gift { get; init; }

    public long GiftMinor { get; init; }

    public Miss? Miss { get; init; }

    public static EffectOutcome Missed(Miss miss) => new() { Miss = miss };
}
