using Promotions.Domain.Discounts;

namespace Promotions.Domain.Offers;

/// <summary>
/// Which live promotions a customer gets on a channel, best first. Pure: it reads the snapshot, never a store.
/// </summary>
public static class OfferFinder
{
    /// <summary>
    /// Decides every live promotion for <paramref name="request"/>: the result holds them all (eligible,
    /// needing a cart, not eligible), ranked by <see cref="Rank"/>. Promotions of other channels are
    /// included only when <paramref name="explain"/> is set. With the request's usage counters, a promotion at
    /// its cap, at the customer's limit or whose budget cannot cover its estimated discount is not eligible.
    /// </summary>
    public static IReadOnlyList<OfferDecision> Decide(CatalogSnapshot snapshot, EligibilityRequest request, bool explain)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(request);
        var decisions = new List<OfferDecision>(snapshot.Promotions.Count);
        foreach (var promotion in snapshot.Promotions)
        {
            var decision = EligibilityEvaluator.Evaluate(promotion, request, explain);
            if (!explain && decision.Reason == OfferReasons.WrongChannel)
            {
                continue;
            }

            var estimate = decision.IsEligible && request.Cart is { } cart
                ? DiscountEngine.Quote(cart, [new QuoteCandidate(promotion.Id, promotion.Compiled.Effect, 0, promotion.Promotion.Stacking)],
                    QuotePolicy.Default).TotalDiscount
                : (decimal?)null;
            if (estimate is { } discount && request.Usage is { } usage && !UsageLimits.Covers(promotion, usage, discount))
            {
                // The ledger would refuse this discount whole: what remains of the budget is less.
                decision = EligibilityDecision.Rejected(OfferReasons.BudgetExhausted) with { Explanations = decision.Explanations };
                estimate = null;
            }

            decisions.Add(new OfferDecision(promotion, decision, estimate));
        }

        return Rank(decisions);
    }

    /// <summary>
    /// Eligible first, then needing a cart, then not eligible; within each, higher priority first, then the
    /// larger estimated discount, then promotion id (ordinal) so the order is stable.
    /// </summary>
    public static IReadOnlyList<OfferDecision> Rank(IEnumerable<OfferDecision> decisions) =>
        decisions
            .OrderBy(static d => d.Decision.Outcome)
            .ThenByDescending(static d => d.Promotion.Promotion.Priority)
            .ThenByDescending(static d => d.EstimatedDiscount ?? 0m)
            .ThenBy(static d => d.Promotion.Id, StringComparer.Ordinal)
            .ToArray();
}
