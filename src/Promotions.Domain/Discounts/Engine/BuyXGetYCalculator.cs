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
    public static EffectOutcome Evaluate(
        BuyXGetYEffect effect, in LineArithmetic arithmetic, LineSelection buy, LineSelection get, CartView view, PricingState state, QuoteWorkspace workspace)
    {
        var available = workspace.Available;
        var discounted = workspace.Discounted;
        for (var i = 0; i < view.Count; i++)
        {
            available[i] = buy.Eligible[i] || get.Eligible[i] ? view.Lines[i].Quantity : 0;
            discounted[i] = 0;
        }

        UnitOrder.UnitValues(buy, view, state);
        var unitValues = UnitOrder.UnitValues(get, view, state);
        var buyOrder = workspace.Order;
        var buyCount = UnitOrder.Sorted(buy, state, descending: true, buyOrder, lastIf: get.Eligible);
        var (getOrder, getCount) = GetOrder(effect, get, state, view, workspace.SecondOrder, workspace.ThirdOrder);
        var taken = workspace.Taken;
        var cap = effect.ApplicationCap ?? int.MaxValue;
        var applications = 0;
        var (missing, missingGet) = (0, false);
        while (applications < cap)
        {
            var count = 0;
            missing = Take(buyOrder, buyCount, available, effect.Buy.Quantity, taken, ref count, isGet: false);
            missingGet = missing == 0;
            if (missingGet)
            {
                missing = Take(getOrder, getCount, available, effect.Get.Quantity, taken, ref count, isGet: true);
            }

            if (missing > 0)
            {
                Undo(taken, count, available);
                break;
            }

            for (var t = 0; t < count; t++)
            {
                var (line, units, isGet) = taken[t];
                discounted[line] += isGet ? units : 0;
            }

            applications++;
        }

        if (applications == 0 && missing == 0)
        {
            return default; // Capped at no application at all: nothing to give, nothing to explain.
        }

        if (applications == 0)
        {
            // The shortage is worded only when it is the answer: after one application it is not.
            var filter = missingGet ? effect.Get.Filter ?? effect.Buy.Filter : effect.Buy.Filter;
            return EffectOutcome.Missed(Hints.NotEnoughItems(missing, filter, "buy X get Y"));
        }

        if (arithmetic.Mode == LineMode.Percent && Scaled(arithmetic, get, discounted, view, state, workspace) is { } scaled)
        {
            return scaled;
        }

        var weights = workspace.Weights;
        var exact = 0m;
        for (var j = 0; j < get.EligibleCount; j++)
        {
            var i = get.Lines[j];
            weights[i] = 0m;
            if (discounted[i] > 0)
            {
                weights[i] = discounted[i] * unitValues[i] * effect.Get.PercentOff / 100m;
                exact += weights[i];
            }
        }

        return EffectEvaluator.FromWeights(get, exact, view, state, workspace);
    }

    /// <summary>
    /// The weights above in exact integers, when every discounted unit's value is a whole number of key units
    /// (<see cref="PricingState.UnitKeys"/>): units × value × percent, in 10^-(digits + 4 + k) units. The decimal
    /// formula computes the same numbers without rounding then, so both give the same outcome. Null otherwise.
    /// </summary>
    private static EffectOutcome? Scaled(in LineArithmetic arithmetic, LineSelection get, int[] discounted, CartView view, PricingState state, QuoteWorkspace workspace)
    {
        var weights = workspace.ScaledWeights;
        var keys = state.UnitKeys;
        var bound = long.MaxValue / 4 / Math.Max(1, get.EligibleCount);
        long exact = 0, sum = 0;
        for (var j = 0; j < get.EligibleCount; j++)
        {
            var i = get.Lines[j];
            weights[i] = 0;
            if (discounted[i] == 0)
            {
                continue;
            }

            var weight = (Int128)discounted[i] * keys[i] * arithmetic.Multiplier;
            var room = (Int128)state.Room(view, i) * arithmetic.RoomFactor;
            if (keys[i] < 0 || weight > bound || room > bound)
            {
                return null;
            }

            exact += (long)weight;
            weights[i] = (long)Int128.Min(weight, room);
            sum += weights[i];
        }

        return sum <= 0 ? EffectOutcome.Missed(Miss.NothingLeft) : new EffectOutcome { HasLines = true, Scaled = true, ExactScaled = Math.Min(exact, sum) };
    }

    private static (int[] Order, int Count) GetOrder(BuyXGetYEffect effect, LineSelection get, PricingState state, CartView view, int[] into, int[] scratch)
    {
        if (effect.Choose != GetChoice.Specified || effect.Get.Filter is not { } filter)
        {
            return (into, UnitOrder.Sorted(get, state, descending: false, into));
        }

        // Specified: the SKUs in the order the merchant listed them, cheapest first within one SKU. A SKU
        // listed twice lists its lines twice, which can outgrow the workspace's array.
        var count = UnitOrder.Sorted(get, state, descending: false, scratch);
        if (filter.Skus.Count > 1 && filter.Skus.Count * count > into.Length)
        {
            into = new int[filter.Skus.Count * count];
        }

        var specified = 0;
        foreach (var sku in filter.Skus)
        {
            for (var k = 0; k < count; k++)
            {
                var i = scratch[k];
                if (string.Equals(view.Lines[i].Sku, sku, StringComparison.Ordinal))
                {
                    into[specified++] = i;
                }
            }
        }

        return (into, specified);
    }

    /// <summary>Takes <paramref name="needed"/> units in <paramref name="order"/>; returns how many were missing.</summary>
    private static int Take(int[] order, int orderCount, int[] available, int needed, (int Line, int Units, bool Get)[] taken, ref int count, bool isGet)
    {
        for (var k = 0; k < orderCount; k++)
        {
            if (needed == 0)
            {
                break;
            }

            var line = order[k];
            var units = Math.Min(needed, available[line]);
            if (units > 0)
            {
                available[line] -= units;
                needed -= units;
                taken[count++] = (line, units, isGet);
            }
        }

        return needed;
    }

    private static void Undo((int Line, int Units, bool Get)[] taken, int count, int[] available)
    {
        for (var t = 0; t < count; t++)
        {
            var (line, units, _) = taken[t];
            available[line] += units;
        }
    }
}
