namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// What one effect wants to take off, before rounding and guardrails: per-line weights (each at most the
/// line's room, they also steer the allocation), the exact line discount (at most their sum), a shipping
/// discount and a gift; or the <see cref="Miss"/> explaining why there is nothing.
/// </summary>
internal sealed class EffectOutcome
{
    public decimal[]? Weights { get; init; }

    public decimal Exact { get; init; }

    public decimal Shipping { get; init; }

    public GiftLine? Gift { get; init; }

    public Miss? Miss { get; init; }

    public static EffectOutcome Missed(Miss miss) => new() { Miss = miss };
}
