using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// Which lines an effect may discount: those its filter matches, minus non-discountable and excluded lines.
/// Reused from quote to quote (see <see cref="QuoteWorkspace"/>), so selecting lines allocates nothing.
/// </summary>
internal sealed class LineSelection
{
    private bool[] _eligible = [];
    private int[] _lines = [];

    /// <summary>Per line (line-id order): may the effect discount it? Only the first <c>view.Count</c> are in use.</summary>
    public bool[] Eligible => _eligible;

    /// <summary>The eligible lines in line-id order; the first <see cref="EligibleCount"/> are in use.</summary>
    public int[] Lines => _lines;

    /// <summary>Lines the filter matches, discountable or not.</summary>
    public int Matched { get; private set; }

    public int EligibleCount { get; private set; }

    public int EligibleUnits { get; private set; }

    /// <summary>The eligible lines' original amounts together, in minor units.</summary>
    public long EligibleMinor { get; private set; }

    /// <summary>The largest original amount of an eligible line, in minor units (at least 1).</summary>
    public long LargestMinor { get; private set; }

    public void Select(CartView view, ItemFilter? filter, bool excludeAlreadyDiscounted)
    {
        if (_eligible.Length < view.Count)
        {
            _eligible = new bool[view.Count];
            _lines = new int[view.Count];
        }

        int matched = 0, count = 0, units = 0;
        var minor = 0L;
        var largest = 1L;
        for (var i = 0; i < view.Count; i++)
        {
            _eligible[i] = false;
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

            _eligible[i] = true;
            _lines[count++] = i;
            units += line.Quantity;
            minor += view.OriginalMinor[i];
            largest = Math.Max(largest, view.OriginalMinor[i]);
        }

        (Matched, EligibleCount, EligibleUnits, EligibleMinor, LargestMinor) = (matched, count, units, minor, largest);
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
            : Miss.ItemsNotDiscountable;
    }
}
