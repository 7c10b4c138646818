namespace Promotions.Domain.Discounts.Engine;

/// <summary>Orders eligible lines by the value left per unit, ties by line id, for the unit-based effects.</summary>
internal static class UnitOrder
{
    /// <summary>
    /// What is left of each selected line's price per unit (zero for lines without units), into the state's
    /// unit values. A line's value is divided out again only when what is left of it has changed.
    /// </summary>
    public static decimal[] UnitValues(LineSelection lines, CartView view, PricingState state)
    {
        var values = state.UnitValues;
        var at = state.UnitValuesAt;
        var keys = state.UnitKeys;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            var remaining = state.Remaining[i];
            if (at[i] != remaining)
            {
                var quantity = view.Lines[i].Quantity;
                values[i] = quantity > 0 ? PerUnit(remaining, quantity, view.Digits) : 0m;
                keys[i] = quantity <= 0 ? 0 : remaining < long.MaxValue / 100 && remaining * 100 % quantity == 0 ? remaining * 100 / quantity : -1;
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
    public static int Sorted(LineSelection lines, PricingState state, bool descending, int[] order, bool[]? lastIf = null)
    {
        Array.Copy(lines.Lines, order, lines.EligibleCount);
        LineSort.Sort(order.AsSpan(0, lines.EligibleCount), new ByUnitValue(state.UnitValues, state.UnitKeys, descending, lastIf));
        return lines.EligibleCount;
    }

    /// <summary>By unit value: as integers when both are whole units of the key scale (the same order), else as decimals.</summary>
    private readonly struct ByUnitValue(decimal[] unitValues, long[] keys, bool descending, bool[]? lastIf) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            if (lastIf is not null && lastIf[a] != lastIf[b])
            {
                return lastIf[a] ? 1 : -1;
            }

            var c = keys[a] >= 0 && keys[b] >= 0 ? keys[a].CompareTo(keys[b]) : unitValues[a].CompareTo(unitValues[b]);
            return c != 0 ? (descending ? -c : c) : a.CompareTo(b);
        }
    }
}
