namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// The largest-remainder allocation of <see cref="Allocator"/> in exact integer arithmetic, for weights that
/// are whole numbers of a common unit. Decimal arithmetic rounds at its 28th digit, so the two agree
/// whenever no remainder that matters lies within that rounding of another or of a whole unit; this class
/// checks that with a wide margin and otherwise declines, and the caller falls back to <see cref="Allocator"/>.
/// </summary>
internal static class ExactAllocator
{
    // Decimal's error on a share is below 1e-12 of a minor unit within the bounds below; the margin is far wider.
    private const double Margin = 1e-9;
    private const long MaxTotal = 1_000_000_000_000_000;
    private const double MaxWeight = 1e15;

    private static readonly double[] Powers = [.. Enumerable.Range(0, 29).Select(n => Math.Pow(10, n))];

    /// <summary>
    /// Allocates <paramref name="totalMinor"/> over <paramref name="weights"/> (in 10^-<paramref name="scale"/>
    /// currency units) into <paramref name="shares"/>; false when it cannot vouch for matching the decimal definition.
    /// </summary>
    public static bool TryAllocate(
        long totalMinor, LineSelection lines, long[] weights, int scale, long[] shares, ulong[] remainders, int[] order, out long allocated)
    {
        allocated = 0;
        var sum = 0L;
        var largest = 0L;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            shares[i] = 0;
            if (weights[i] > 0)
            {
                sum += weights[i];
                largest = Math.Max(largest, weights[i]);
            }
        }

        if (totalMinor <= 0 || sum <= 0)
        {
            return true;
        }

        if (totalMinor > MaxTotal || largest > MaxWeight * Powers[scale])
        {
            return false;
        }

        var divisor = (ulong)sum;

        // Margin in units of the divisor, rounded up so that the checks below only ever decline more.
        var near = (ulong)Math.Ceiling(divisor * Margin);
        var positive = 0;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            remainders[i] = 0;
            if (weights[i] <= 0)
            {
                continue;
            }

            var high = Math.BigMul((ulong)totalMinor, (ulong)weights[i], out var low);
            ulong whole, remainder;
            if (high == 0)
            {
                (whole, remainder) = Math.DivRem(low, divisor);
            }
            else
            {
                var product = new UInt128(high, low);
                whole = (ulong)(product / divisor);
                remainder = (ulong)(product % divisor);
            }

            shares[i] = (long)whole;
            allocated += (long)whole;
            if (remainder != 0)
            {
                if (remainder < near || remainder > divisor - near)
                {
                    return false;
                }

                remainders[i] = remainder;
                positive++;
            }
        }

        var leftover = totalMinor - allocated;
        if (leftover == 0)
        {
            return true;
        }

        if (leftover >= positive)
        {
            return false; // Impossible in exact arithmetic; let the decimal definition decide.
        }

        // Hand the leftover units to the largest remainders, ties to the lower line.
        var candidates = 0;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            if (remainders[i] != 0)
            {
                order[candidates++] = i;
            }
        }

        LineSort.Sort(order.AsSpan(0, candidates), new ByRemainder(remainders));
        for (var k = 0; k < leftover; k++)
        {
            shares[order[k]]++;
        }

        allocated = totalMinor;

        // The decimal definition picks the same lines unless a remainder lies too close to the last one picked
        // to tell them apart in decimal. Equal weights give equal decimal remainders, broken by line id in both.
        var lastPicked = order[(int)leftover - 1];
        var boundary = remainders[lastPicked];
        for (var k = 0; k < candidates; k++)
        {
            var i = order[k];
            var distance = remainders[i] > boundary ? remainders[i] - boundary : boundary - remainders[i];
            if (i != lastPicked && (distance == 0 ? weights[i] != weights[lastPicked] : distance < 2 * near))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Largest remainder first, ties to the lower line.</summary>
    private readonly struct ByRemainder(ulong[] remainders) : IComparer<int>
    {
        public int Compare(int a, int b)
        {
            var c = remainders[b].CompareTo(remainders[a]);
            return c != 0 ? c : a.CompareTo(b);
        }
    }
}
