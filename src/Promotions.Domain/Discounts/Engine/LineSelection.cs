using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>Which lines an effect may discount: those its filter matches, minus non-discountable and excluded lines.</summary>
internal sealed class LineSelection
{
    private LineSelection(bool[] eligible, int matched, int eligibleCount, int eligibleUnits)
    {
        Eligible = eligible;
        Matched = matched;
        EligibleCount = eligibleCount;
        EligibleUnits = eligibleUnits;
    }

    public bool[] Eligible { get; }

    /// <summary>Lines the filter matches, discountable or not.</summary>
    public int Matched { get; }

    public int EligibleCount { get; }

    public int EligibleUnits { get; }

    public static LineSelection Select(CartView view, ItemFilter? filter, bool excludeAlreadyDiscounted)
    {
        var eligible = new bool[view.Count];
        int matched = 0, count = 0, units = 0;
        for (var i = 0; i < view.Count; i++)
        {
            var line = view.Lines[i];
            if (filter is not null && !filter.Matches(line.Sku, line.Category))
            {
                continue;
            }

            matched++;
            if (line.NonDiscountable || (line.AlreadyDiscounted && excludeAlreadyDiscounted) || line.Quantity <= 0 || view.Original[i] <= 0m)
            {
                continue;
            }

            eligible[i] = true;
            count++;
            units += line.Quantity;
        }

        return new LineSelection(eligible, matched, count, units);
    }

    /// <summary>The miss when nothing can be discounted, or null.</summary>
    public Miss? Emptiness(ItemFilter? filter)
    {
        if (EligibleCount > 0)
        {
            return null;
        }

        return Matched == 0
            ? new Miss(NotAppliedReasons.NoMatchingItems, "No item in the cart is targeted by this promotion.", $"Add an item{Hints.From(filter)}.")
            : new Miss(NotAppliedReasons.ItemsNotDiscountable, "The targeted items cannot be discounted (excluded or already discounted).");
    }
}
