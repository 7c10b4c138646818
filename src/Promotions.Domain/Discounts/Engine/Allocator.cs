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

        var totalMinor = Money.ToMinor(total, currency);
        if (totalMinor <= 0 || weightSum <= 0m)
        {
            return 0m;
        }

        // Shares are counted in minor units (whole cents), so cutting off the fraction is counting, not
        // rounding money; the one division keeps the hot loop to multiplications.
        var perWeight = totalMinor / weightSum;
        var minor = new long[weights.Length];
        var remainders = new decimal[weights.Length];
        var allocated = 0L;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0m)
            {
                var share = weights[i] * perWeight;
                var whole = decimal.Truncate(share);
                minor[i] = (long)whole;
                remainders[i] = share - whole;
                allocated += minor[i];
            }
        }

        var unitsPerAmount = (decimal)Money.ToMinor(1m, currency);
        for (var leftover = totalMinor - allocated; leftover > 0; leftover--)
        {
            var next = LargestRemainder(weights, remainders, minor, unitsPerAmount);
            if (next < 0)
            {
                break; // Unreachable in exact arithmetic; the caller uses the amount actually allocated.
            }

            minor[next]++;
            remainders[next] = -1m;
            allocated++;
        }

        for (var i = 0; i < weights.Length; i++)
        {
            into[i] = minor[i] == 0 ? 0m : Money.FromMinor(minor[i], currency);
        }

        return Money.FromMinor(allocated, currency);
    }

    private static int LargestRemainder(decimal[] weights, decimal[] remainders, long[] minor, decimal unitsPerAmount)
    {
        var best = -1;
        for (var i = 0; i < weights.Length; i++)
        {
            // A share that is whole up to the last digit of decimal precision has no real remainder: one
            // more unit would pass the line's weight (and so its room), so such a line is passed over.
            if (weights[i] > 0m && remainders[i] >= 0m && (best < 0 || remainders[i] > remainders[best])
                && minor[i] < weights[i] * unitsPerAmount)
            {
                best = i;
            }
        }

        return best;
    }
}
