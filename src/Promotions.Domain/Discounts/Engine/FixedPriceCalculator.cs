using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// "N for P": sorts the targeted units by what is left of their price, most expensive first, and prices
/// consecutive groups of N at P. Groups only get cheaper down the list, so the first group that is not
/// above P ends the search. Whole groups inside one line are priced at once, so large quantities cost nothing.
/// </summary>
internal static class FixedPriceCalculator
{
    public static EffectOutcome Evaluate(FixedPriceEffect effect, LineSelection target, CartView view, PricingState state)
    {
        var unitValues = UnitOrder.UnitValues(view, state);
        var order = UnitOrder.Sorted(target.Eligible, unitValues, descending: true);
        var weights = new decimal[view.Count];
        var groupsLeft = effect.MaxApplications ?? int.MaxValue;
        var size = effect.Quantity;
        var pending = new List<(int Line, int Units)>(size);
        int filled = 0;
        decimal groupValue = 0m, exact = 0m;
        var stop = false;
        foreach (var i in order)
        {
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

                    weights[i] += groups * saving;
                    exact += groups * saving;
                    groupsLeft -= groups;
                    available -= groups * size;
                    continue;
                }

                var take = Math.Min(available, size - filled);
                pending.Add((i, take));
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
                foreach (var (line, units) in pending)
                {
                    weights[line] += groupSaving * units * unitValues[line] / groupValue;
                }

                exact += groupSaving;
                groupsLeft--;
                pending.Clear();
                filled = 0;
                groupValue = 0m;
            }
        }

        return exact > 0m
            ? EffectEvaluator.FromWeights(weights, exact, view, state)
            : EffectOutcome.Missed(new Miss(NotAppliedReasons.NoDiscount, $"{size} of these items already cost no more than the fixed price."));
    }
}
