namespace Promotions.Domain.Discounts.Engine;

/// <summary>Orders eligible lines by the value left per unit, ties by line id, for the unit-based effects.</summary>
internal static class UnitOrder
{
    /// <summary>What is left of each selected line's price per unit (zero for lines without units).</summary>
    public static void UnitValues(LineSelection lines, CartView view, PricingState state, decimal[] values)
    {
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            var quantity = view.Lines[i].Quantity;
            values[i] = quantity > 0 ? MinorUnits.ToDecimal(state.Remaining[i], view.Digits) / quantity : 0m;
        }
    }

    /// <summary>
    /// The eligible lines into <paramref name="order"/>, cheapest or dearest unit first; returns how many. Lines
    /// are in line-id order, so the index is the deterministic tie-break. With <paramref name="lastIf"/>, those
    /// lines go after all others.
    /// </summary>
    public static int Sorted(LineSelection lines, decimal[] unitValues, bool descending, int[] order, bool[]? lastIf = null)
    {
        Array.Copy(lines.Lines, order, lines.EligibleCount);
        order.AsSpan(0, lines.EligibleCount).Sort(new ByUnitValue(unitValues, descending, lastIf));
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
