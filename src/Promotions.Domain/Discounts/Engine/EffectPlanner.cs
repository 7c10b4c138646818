using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>Prepares an <see cref="EffectPlan"/> for each candidate: targeting, tier reached and misses known up front.</summary>
internal static class EffectPlanner
{
    public static EffectPlan Plan(QuoteCandidate candidate, int rank, CartView view, QuotePolicy policy)
    {
        var effect = candidate.Effect;
        var exclude = policy.ExcludeAlreadyDiscounted || effect.ExcludeAlreadyDiscounted;
        switch (effect)
        {
            case PercentOffEffect { Target: var target }:
                return LinePlan(candidate, rank, LineSelection.Select(view, target.Filter, exclude), target.Filter);
            case AmountOffEffect { Target: var target }:
                return LinePlan(candidate, rank, LineSelection.Select(view, target.Filter, exclude), target.Filter);
            case FixedPriceEffect fixedPrice:
                var units = LineSelection.Select(view, fixedPrice.Target.Filter, exclude);
                var shortBy = fixedPrice.Quantity - units.EligibleUnits;
                return new EffectPlan
                {
                    Candidate = candidate,
                    Rank = rank,
                    Target = units,
                    StaticMiss = units.Emptiness(fixedPrice.Target.Filter)
                        ?? (shortBy > 0 ? Hints.NotEnoughItems(shortBy, fixedPrice.Target.Filter, "the fixed price") : null),
                };
            case BuyXGetYEffect bxgy:
                return BuyXGetYPlan(candidate, rank, bxgy, view, exclude);
            case TieredEffect tiered:
                return TierPlanner.Plan(candidate, rank, tiered, LineSelection.Select(view, tiered.Target.Filter, exclude), view);
            default:
                return new EffectPlan { Candidate = candidate, Rank = rank };
        }
    }

    private static EffectPlan LinePlan(QuoteCandidate candidate, int rank, LineSelection selection, ItemFilter? filter) =>
        new() { Candidate = candidate, Rank = rank, Target = selection, StaticMiss = selection.Emptiness(filter) };

    private static EffectPlan BuyXGetYPlan(QuoteCandidate candidate, int rank, BuyXGetYEffect effect, CartView view, bool exclude)
    {
        var buy = LineSelection.Select(view, effect.Buy.Filter, exclude);
        var get = LineSelection.Select(view, effect.Get.Filter ?? effect.Buy.Filter, exclude);
        Miss? miss = null;
        if (buy.EligibleCount == 0 && buy.Matched > 0)
        {
            miss = buy.Emptiness(effect.Buy.Filter);
        }
        else if (buy.EligibleUnits < effect.Buy.Quantity)
        {
            miss = Hints.NotEnoughItems(effect.Buy.Quantity - buy.EligibleUnits, effect.Buy.Filter, "buy X get Y");
        }

        return new EffectPlan { Candidate = candidate, Rank = rank, Buy = buy, Target = get, StaticMiss = miss };
    }
}
