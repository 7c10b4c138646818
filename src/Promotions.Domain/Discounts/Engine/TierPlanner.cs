using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// Picks the tier a cart reaches. Thresholds are measured on the targeted lines' undiscounted amounts (or
/// units), so the tier does not change with the promotions that apply before it.
/// </summary>
internal static class TierPlanner
{
    public static void Plan(EffectPlan plan, TieredEffect effect, LineSelection selection, CartView view)
    {
        decimal reached = effect.Basis == TierBasis.Quantity
            ? selection.EligibleUnits
            : MinorUnits.ToDecimal(selection.EligibleMinor, view.Digits);

        Tier? tier = null;
        foreach (var candidateTier in effect.Tiers)
        {
            if (candidateTier.Threshold <= reached)
            {
                tier = candidateTier;
            }
        }

        Miss? miss = null;
        if (selection.EligibleCount == 0 && selection.Matched > 0)
        {
            miss = selection.Emptiness(effect.Target.Filter);
        }
        else if (tier is null)
        {
            miss = ThresholdMiss(effect, effect.Tiers[0].Threshold, reached, view.Currency);
        }

        plan.Tier = tier;
        plan.StaticMiss = miss;
        plan.Arithmetic = tier switch
        {
            { PercentOff: { } percent } => LineArithmetic.Percent(percent, null, selection, view),
            { AmountOff: { } amount } => LineArithmetic.Amount(amount, selection, view),
            _ => default,
        };
    }

    private static Miss ThresholdMiss(TieredEffect effect, decimal threshold, decimal reached, string currency)
    {
        var from = Hints.From(effect.Target.Filter);
        if (effect.Basis == TierBasis.Quantity)
        {
            var missing = (int)(threshold - reached);
            return new Miss(
                NotAppliedReasons.ThresholdNotMet,
                $"The first tier starts at {threshold} items; the cart has {reached}.",
                $"Add {Hints.Items(missing)}{from} to qualify.");
        }

        var gap = Rounding.Up(threshold - reached, currency);
        return new Miss(
            NotAppliedReasons.ThresholdNotMet,
            $"The first tier starts at {Hints.Amount(threshold, currency)}; the qualifying items come to {Hints.Amount(reached, currency)}.",
            $"Add {Hints.Amount(gap, currency)}{from} to qualify.");
    }
}
