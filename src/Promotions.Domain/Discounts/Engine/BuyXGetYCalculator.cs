using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// Buy X get Y, one application at a time. The "buy" units are taken first, preferring units that could not
/// be discounted anyway, then the dearest; the "get" units are then the cheapest left (or the specified SKUs
/// in listed order). A unit taken as bought is never discounted. Taking buys this way leaves the most and
/// cheapest units for "get", so an application is found whenever one exists.
/// </summary>
internal static class BuyXGetYCalculator
{
    public static EffectOutcome Evaluate(BuyXGetYEffect effect, LineSelection buy, LineSelection get, CartView view, PricingState state)
    {
        var available = new int[view.Count];
        for (var i = 0; i < available.Length; i++)
        {
            available[i] = buy.Eligible[i] || get.Eligible[i] ? view.Lines[i].Quantity : 0;
        }

        var unitValues = UnitOrder.UnitValues(view, state);
        var buyOrder = UnitOrder.Sorted(buy.Eligible, unitValues, descending: true, lastIf: get.Eligible);
        var getOrder = GetOrder(effect, get.Eligible, unitValues, view);
        var discounted = new int[view.Count];
        var taken = new List<(int Line, int Units, bool Get)>();
        var cap = effect.ApplicationCap ?? int.MaxValue;
        var applications = 0;
        Miss? shortage = null;
        while (applications < cap)
        {
            taken.Clear();
            var missing = Take(buyOrder, available, effect.Buy.Quantity, taken, isGet: false);
            var getFilter = effect.Get.Filter ?? effect.Buy.Filter;
            if (missing > 0)
            {
                shortage = Hints.NotEnoughItems(missing, effect.Buy.Filter, "buy X get Y");
            }
            else if ((missing = Take(getOrder, available, effect.Get.Quantity, taken, isGet: true)) > 0)
            {
                shortage = Hints.NotEnoughItems(missing, getFilter, "buy X get Y");
            }

            if (missing > 0)
            {
                Undo(taken, available);
                break;
            }

            foreach (var (line, units, isGet) in taken)
            {
                discounted[line] += isGet ? units : 0;
            }

            applications++;
        }

        if (applications == 0)
        {
            return EffectOutcome.Missed(shortage!);
        }

        var weights = new decimal[view.Count];
        var exact = 0m;
        for (var i = 0; i < weights.Length; i++)
        {
            if (discounted[i] > 0)
            {
                weights[i] = discounted[i] * unitValues[i] * effect.Get.PercentOff / 100m;
                exact += weights[i];
            }
        }

        return EffectEvaluator.FromWeights(weights, exact, view, state);
    }

    private static List<int> GetOrder(BuyXGetYEffect effect, bool[] get, decimal[] unitValues, CartView view)
    {
        var order = UnitOrder.Sorted(get, unitValues, descending: false);
        if (effect.Choose != GetChoice.Specified || effect.Get.Filter is not { } filter)
        {
            return order;
        }

        // Specified: the SKUs in the order the merchant listed them, cheapest first within one SKU.
        var specified = new List<int>(order.Count);
        foreach (var sku in filter.Skus)
        {
            foreach (var i in order)
            {
                if (string.Equals(view.Lines[i].Sku, sku, StringComparison.Ordinal))
                {
                    specified.Add(i);
                }
            }
        }

        return specified;
    }

    /// <summary>Takes <paramref name="needed"/> units in <paramref name="order"/>; returns how many were missing.</summary>
    private static int Take(List<int> order, int[] available, int needed, List<(int Line, int Units, bool Get)> taken, bool isGet)
    {
        foreach (var line in order)
        {
            if (needed == 0)
            {
                break;
            }

            var units = Math.Min(needed, available[line]);
            if (units > 0)
            {
                available[line] -= units;
                needed -= units;
                taken.Add((line, units, isGet));
            }
        }

        return needed;
    }

    private static void Undo(List<(int Line, int Units, bool Get)> taken, int[] available)
    {
        foreach (var (line, units, _) in taken)
        {
            available[line] += units;
        }
    }
}
