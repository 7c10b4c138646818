namespace Promotions.Domain.Discounts.Engine;

/// <summary>Orders eligible lines by the value left per unit, ties by line id, for the unit-based effects.</summary>
internal static class UnitOrder
{
    /// <summary>What is left of each line's price per unit (zero for lines without units).</summary>
    public static decimal[] UnitValues(CartView view, PricingState state)
    {
        var values = new decimal[view.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var quantity = view.Lines[i].Quantity;
            values[i] = quantity > 0 ? state.Remaining[i] / quantity : 0m;
        }

        return values;
    }

    /// <summary>
    /// The eligible lines, cheapest or dearest unit first. Lines are in line-id order, so the index is the
    /// deterministic tie-break. With <paramref name="lastIf"/>, those lines go after all others (stable).
    /// </summary>
    public static List<int> Sorted(bool[] eligible, decimal[] unitValues, bool descending, bool[]? lastIf = null)
    {
        var order = new List<int>(eligible.Length);
        for (var i = 0; i < eligible.Length; i++)
        {
            if (eligible[i])
            {
                order.Add(i);
            }
        }

        order.Sort((a, b) =>
        {
            if (lastIf is not null && lastIf[a] != lastIf[b])
            {
                return lastIf[a] ? 1 : -1;
            }

            var c = unitValues[a].CompareTo(unitValues[b]);
            return c != 0 ? (descending ? -c : c) : a.CompareTo(b);
        });
        return order;
    }
}
