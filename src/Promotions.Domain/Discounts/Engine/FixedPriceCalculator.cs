using System.Collections.Concurrent;
using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// "N for P": sorts the targeted units by what is left of their price, most expensive first, and prices
/// consecutive groups of N at P. Groups only get cheaper down the list, so the first group that is not
/// above P ends the search. Whole groups inside one line are priced at once, so large quantities cost nothing.
/// </summary>
internal static class FixedPriceCalculator
{
    // The wording depends on the group size alone; sizes are few, so each is built once.
    private static readonly ConcurrentDictionary<int, Miss> NotCheaper = new();

    public static EffectOutcome Evaluate(FixedPriceEffect effect, LineSelection target, CartView view, PricingState state, QuoteWorkspace workspace)
    {
        return NeverCheaper(effect, target, view, state)
            ? EffectOutcome.Missed(NotCheaperMiss(effect.Quantity))
            : Groups(effect, target, view, state, workspace);
    }

    /// <summary>The groups priced one after another: the definition, which <see cref="NeverCheaper"/> short-cuts.</summary>
    internal static EffectOutcome Groups(FixedPriceEffect effect, LineSelection target, CartView view, PricingState state, QuoteWorkspace workspace)
    {
        var unitValues = UnitOrder.UnitValues(target, view, state);
        var order = workspace.Order;
        var count = UnitOrder.Sorted(target, state, descending: true, order);
        var weights = workspace.Weights;
        for (var j = 0; j < target.EligibleCount; j++)
        {
            weights[target.Lines[j]] = 0m;
        }

        var groupsLeft = effect.MaxApplications ?? int.MaxValue;
        var size = effect.Quantity;
        var pending = workspace.Taken;
        int filled = 0, pendingCount = 0;
        decimal groupValue = 0m, exact = 0m;
        var stop = false;
        for (var k = 0; k < count; k++)
        {
            var i = order[k];
            var unit = unitValues[i];
            var available = view.Lines[i].Quantity;
            while (available > 0 && groupsLeft > 0 && !stop)
            {
                if (filled == 0 && available >= size)
                {
                    var groups = Math.Min(available / size, groupsLeft);
                    var saving = unit * size - effect.Price;
                    if (saving <= 0m)
                    {
                        stop = true;
                        break;
                    }

                    var groupsSaving = groups * saving;
                    weights[i] += groupsSaving;
                    exact += groupsSaving;
                    groupsLeft -= groups;
                    available -= groups * size;
                    continue;
                }

                var take = Math.Min(available, size - filled);
                pending[pendingCount++] = (i, take, false);
                groupValue += take * unit;
                filled += take;
                available -= take;
                if (filled < size)
                {
                    continue;
                }

                var groupSaving = groupValue - effect.Price;
                if (groupSaving <= 0m)
                {
                    stop = true;
                    break;
                }

                // Within a mixed group the saving is spread in proportion to each unit's price.
                for (var p = 0; p < pendingCount; p++)
                {
                    var (line, units, _) = pending[p];
                    weights[line] += groupSaving * units * unitValues[line] / groupValue;
                }

                exact += groupSaving;
                groupsLeft--;
                pendingCount = 0;
                filled = 0;
                groupValue = 0m;
            }
        }

        return exact > 0m
            ? EffectEvaluator.FromWeights(target, exact, view, state, workspace)
            : EffectOutcome.Missed(NotCheaperMiss(size));
    }

    /// <summary>
    /// True when even the dearest unit left, times the group size, costs less than the price: then no group
    /// is cheaper and the first group ends the search, whatever the decimal rounding of unit values (the gap
    /// is at least one part in the line's quantity times the price's precision, far above it). Compared in
    /// exact integers: remaining × size × 10^k &lt; price × 10^(digits + k) × quantity.
    /// </summary>
    internal static bool NeverCheaper(FixedPriceEffect effect, LineSelection target, CartView view, PricingState state)
    {
        var extra = Math.Max(0, effect.Price.Scale - view.Digits);
        if (extra > 9 || MinorUnits.Scaled(effect.Price, view.Digits + extra) is not { } price || price <= 0)
        {
            return false;
        }

        var factor = MinorUnits.Pow10(extra);
        for (var j = 0; j < target.EligibleCount; j++)
        {
            var i = target.Lines[j];
            var quantity = view.Lines[i].Quantity;
            if (quantity > 0 && (Int128)state.Remaining[i] * effect.Quantity * factor >= (Int128)price * quantity)
            {
                return false;
            }
        }

        return true;
    }

    private static Miss NotCheaperMiss(int size) =>
        NotCheaper.GetOrAdd(size, static n => new Miss(NotAppliedReasons.NoDiscount, $"{n} of these items already cost no more than the fixed price."));
}
