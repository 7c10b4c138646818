namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// Splits a discount over lines in minor units by the largest-remainder method: each line first gets its
/// proportional share rounded down, then the units left over go one each to the largest remainders, ties
/// to the lower line id. Lines are in line-id order here, so the index is that tie-break. This is the
/// decimal definition; <see cref="ExactAllocator"/> gives the same shares with integers where it can prove so.
/// </summary>
internal static class Allocator
{
    /// <summary>
    /// Fills <paramref name="shares"/> (for the selected lines) with the shares of <paramref name="totalMinor"/>
    /// in proportion to <paramref name="weights"/>; no line gets more than its weight rounded up, which the
    /// caller keeps within the line's room. Returns the minor units allocated, which is <paramref name="totalMinor"/>.
    /// </summary>
    public static long Allocate(
        long totalMinor, LineSelection lines, decimal[] weights, int digits, long[] shares, decimal[] remainders, decimal[] bounds)
    {
        var weightSum = 0m;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            shares[i] = 0;
            weightSum += Math.Max(0m, weights[i]);
        }

        if (totalMinor <= 0 || weightSum <= 0m)
        {
            return 0;
        }

        // Shares are counted in minor units (whole cents), so cutting off the fraction is counting, not
        // rounding money; the one division keeps the hot loop to multiplications.
        var perWeight = totalMinor / weightSum;
        var allocated = 0L;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            if (weights[i] > 0m)
            {
                var share = weights[i] * perWeight;
                var whole = decimal.Truncate(share);
                shares[i] = (long)whole;
                remainders[i] = share - whole;
                allocated += shares[i];
            }
        }

        // A line never gets more than its weight in minor units; a line's bound only matters until it is
        // picked, after which it is out of the running, so each bound is worked out once.
        decimal unitsPerAmount = MinorUnits.Pow10(digits);
        for (var j = 0; j < lines.EligibleCount && totalMinor > allocated; j++)
        {
            var i = lines.Lines[j];
            bounds[i] = weights[i] > 0m ? weights[i] * unitsPerAmount : 0m;
        }

        for (var leftover = totalMinor - allocated; leftover > 0; leftover--)
        {
            var next = LargestRemainder(lines, weights, remainders, shares, bounds);
            if (next < 0)
            {
                break; // Unreachable in exact arithmetic; the caller uses the amount actually allocated.
            }

            shares[next]++;
            remainders[next] = -1m;
            allocated++;
        }

        return allocated;
    }

    private static int LargestRemainder(LineSelection lines, decimal[] weights, decimal[] remainders, long[] minor, decimal[] bounds)
    {
        var best = -1;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            // A share that is whole up to the last digit of decimal precision has no real remainder: one
            // more unit would pass the line's weight (and so its room), so such a line is passed over.
            var i = lines.Lines[j];
            if (weights[i] > 0m && remainders[i] >= 0m && (best < 0 || remainders[i] > remainders[best])
                && minor[i] < bounds[i])
            {
                best = i;
            }
        }

        return best;
    }
}
