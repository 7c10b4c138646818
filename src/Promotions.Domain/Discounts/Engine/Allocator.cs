using Promotions.Domain.Common;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// Splits a discount over lines in minor units by the largest-remainder method: each line first gets its
/// proportional share rounded down, then the units left over go one each to the largest remainders, ties
/// to the lower line id. Lines are in line-id order here, so the index is that tie-break.
/// </summary>
internal static class Allocator
{
    /// <summary>
    /// Fills <paramref name="into"/> with the shares of <paramref name="total"/> (already rounded to the minor
    /// unit) in proportion to <paramref name="weights"/>; no line gets more than its weight rounded up, which
    /// the caller keeps within the line's room. Returns the amount allocated, which is <paramref name="total"/>.
    /// </summary>
    public static decimal Allocate(decimal total, decimal[] weights, string currency, decimal[] into)
    {
        Array.Clear(into);
        var weightSum = 0m;
        foreach (var weight in weights)
        {
            weightSum += Math.Max(0m, weight);
        }

        if (total <= 0m || weightSum <= 0m)
        {
            return 0m;
        }

        var remainders = new decimal[weights.Length];
        var allocated = 0m;
        var count = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0m)
            {
                continue;
            }

            var share = total * weights[i] / weightSum;
            into[i] = Money.Floor(share, currency);
            remainders[i] = share - into[i];
            allocated += into[i];
            count++;
        }

        var leftover = Money.ToMinor(total - allocated, currency);
        if (leftover > 0)
        {
            var order = new int[count];
            for (int i = 0, k = 0; i < weights.Length; i++)
            {
                if (weights[i] > 0m)
                {
                    order[k++] = i;
                }
            }

            Array.Sort(order, (a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
            var unit = Money.FromMinor(1, currency);
            for (var k = 0; k < order.Length && leftover > 0; k++)
            {
                // A share that is a whole number of minor units up to the last digit of decimal precision
                // has no real remainder; topping it up could pass the line's weight.
                if (into[order[k]] + unit <= Rounding.Up(weights[order[k]], currency))
                {
                    into[order[k]] += unit;
                    allocated += unit;
                    leftover--;
                }
            }
        }

        return allocated;
    }
}
