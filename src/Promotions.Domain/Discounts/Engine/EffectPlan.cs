using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// A candidate prepared once per quote: everything about its effect that does not depend on the promotions
/// applied before it (which lines it may touch, which tier the cart reaches), so that the many stack
/// evaluations of the best-deal search only redo the arithmetic.
/// </summary>
internal sealed class EffectPlan
{
    public required QuoteCandidate Candidate { get; init; }

    /// <summary>Position in rank order (priority descending, then id, then code).</summary>
    public required int Rank { get; init; }

    /// <summary>Set when the effect cannot give anything in this cart whatever applies before it.</summary>
    public Miss? StaticMiss { get; init; }

    /// <summary>Lines a line effect discounts; for buy-X-get-Y, the "get" lines.</summary>
    public LineSelection? Target { get; init; }

    /// <summary>For buy-X-get-Y, the lines whose units count as bought.</summary>
    public LineSelection? Buy { get; init; }

    /// <summary>For tiered effects, the highest tier reached.</summary>
    public Tier? Tier { get; init; }

    public DiscountEffect Effect => Candidate.Effect;

    public bool Exclusive => Candidate.Stacking.Exclusive;

    public string? Group => Candidate.Stacking.Group;
}
