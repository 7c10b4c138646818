namespace Promotions.Domain.Discounts.Engine;

/// <summary>Orders eligible lines by the value left per unit, ties by line id, for the unit-based effects.</summary>
internal static class UnitOrder
{
    /// <summary>
    /// What is left of each selected line's price per unit (zero for lines without units), into the workspace's
    /// unit values. A line's value is divided out again only when what is left of it has changed.
    /// </summary>
    public static decimal[] UnitValues(LineSelection lines, CartView view, PricingState state, QuoteWorkspace workspace)
    {
        var values = workspace.UnitValues;
        var at = workspace.UnitValuesAt;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            var remaining = state.Remaining[i];
            if (at[i] != remaining)
            {
                var quantity = view.Lines[i].Quantity;
                values[i] = quantity > 0 ? PerUnit(remaining, quantity, view.Digits) : 0m;
                at[i] = remaining;
            }
        }

        return values;
    }

    /// <summary>
    /// <paramref name="remaining"/> minor units divided by <paramref name="quantity"/>: the value the decimal division
    /// gives. When the quotient ends within two more decimals it is exact, so it is built from integers (the
    /// common case: one unit, two, or a price that divides); otherwise the decimal division rounds it.
    /// </summary>
    internal static decimal PerUnit(long remaining, int quantity, int digits)
    {
        for (var extra = 0; extra <= 2; extra++)
        {
            var scaled = remaining * MinorUnits.Pow10(extra);
            if (scaled % quantity == 0 && remaining < long.MaxValue / 100)
            {
                return MinorUnits.ToDecimal(scaled / quantity, digits + extra);
            }
        }

        return MinorUnits.ToDecimal(remaining, digits) / quantity;
    }

    /// <summary>
    /// The eligible lines into <paramref name="order"/>, cheapest or dearest unit first; returns how many. Lines
    /// are in line-id order, so the index is the deterministic tie-break. With <paramref name="lastIf"/>, those
    /// lines go after all others.
    /// </summary>
    public static int Sorted(LineSelection lines, decimal[] unitValues, bool descending, int[] order, bool[]? lastIf = null)
    {
        Array.Copy(lines.Lines, order, lines.EligibleCount);
        LineSort.Sort(order.AsSpan(0, lines.EligibleCount), new ByUnitValue(unitValues, descending, lastIf));
        return lines.EligibleCount;
    }

    private readonly struct ByUnitValue(decimal[] unitValues, bool descending, bool[]? lastIf) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            if (lastIf is not null && lastIf[a] != lastIf[b])
            {
                return lastIf[a] ? 1 : -1;
            }

            var c = unitValues[a].CompareTo(unitValues[b]);
            return c != 0 ? (descending ? -c : c) : a.CompareTo(b);
        }
    }
}
