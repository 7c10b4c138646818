namespace Promotions.Domain.Discounts.Engine;

/// <summary>Orders eligible lines by the value left per unit, ties by line id, for the unit-based effects.</summary>
internal static class UnitOrder
{
    public static decimal UnitValue(CartView view, PricingState state, int line) => state.Remaining[line] / view.Lines[line].Quantity;

    public static List<int> ByUnitValue(bool[] eligible, CartView view, PricingState state, bool descending)
    {
        var order = new List<int>(eligible.Length);
        for (var i = 0; i < eligible.Length; i++)
        {
            if (eligible[i])
            {
                order.Add(i);
            }
        }

        // Lines are already in line-id order, so the index is the deterministic tie-break.
        order.Sort((a, b) =>
        {
            var c = UnitValue(view, state, a).CompareTo(UnitValue(view, state, b));
            return c != 0 ? (descending ? -c : c) : a.CompareTo(b);
        });
        return order;
    }
}
