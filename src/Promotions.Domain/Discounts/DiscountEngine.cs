using Promotions.Domain.Carts;
using Promotions.Domain.Discounts.Engine;

namespace Promotions.Domain.Discounts;

/// <summary>
/// Computes the discounts of a cart from promotions already known to be eligible: effects, stacking and the
/// best deal, guardrails, and allocation to lines. A pure function: the same inputs give the same quote,
/// whatever the order of the cart's lines or of the candidates. See <c>docs/discounts.md</c>.
/// </summary>
public static class DiscountEngine
{
    /// <summary>Quotes <paramref name="cart"/> against <paramref name="candidates"/> under <paramref name="policy"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A policy percentage is outside [0, 100] (a configuration bug).</exception>
    public static Quote Quote(Cart cart, IReadOnlyList<QuoteCandidate> candidates, QuotePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(cart);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(policy);
        CheckPercent(policy.MaxCombinedDiscountPercent, nameof(policy.MaxCombinedDiscountPercent));
        CheckPercent(policy.PriceFloorPercent, nameof(policy.PriceFloorPercent));

        var view = CartView.Create(cart, policy);
        var workspace = QuoteWorkspace.Rent(view.Count, candidates.Count);
        try
        {
            var (count, planned) = CandidateRanking.Rank(candidates, view, policy, workspace);
            var selector = new DealSelector(new StackEvaluator(view, policy, workspace), workspace.Plans, planned, workspace.Deal);
            selector.Select();
            return QuoteAssembler.Build(view, workspace.Ranked.AsSpan(0, count), selector, policy.Misses);
        }
        finally
        {
            QuoteWorkspace.Return(workspace);
        }
    }

    private static void CheckPercent(decimal? percent, string name)
    {
        if (percent is < 0m or > 100m)
        {
            throw new ArgumentOutOfRangeException(name, percent, "A policy percentage is between 0 and 100.");
        }
    }
}
