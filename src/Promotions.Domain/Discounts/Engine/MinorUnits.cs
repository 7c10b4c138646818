namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// Exact conversions between amounts and whole minor units, so the engine's arithmetic can run on
/// <see cref="long"/>. Nothing here rounds: rounding stays in <see cref="Common.Money"/>.
/// </summary>
internal static class MinorUnits
{
    private static readonly long[] Powers =
    [
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L,
        1_000_000_000_000_000L, 10_000_000_000_000_000L, 100_000_000_000_000_000L, 1_000_000_000_000_000_000L,
    ];

    /// <summary>The largest power of ten a <see cref="long"/> holds is 10^18.</summary>
    public const int MaxPower = 18;

    public static long Pow10(int n) => Powers[n];

    /// <summary>
    /// <paramref name="minor"/> units of 10^-<paramref name="digits"/>, as <see cref="Common.Money.FromMinor"/> gives it:
    /// the same value and the same representation (no trailing zeros), without a decimal division.
    /// </summary>
    public static decimal ToDecimal(long minor, int digits)
    {
        if (minor == 0)
        {
            return 0m;
        }

        var negative = minor < 0;
        var magnitude = negative ? (ulong)-minor : (ulong)minor;
        var scale = digits;
        while (scale > 0 && magnitude % 10 == 0)
        {
            magnitude /= 10;
            scale--;
        }

        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
    }

    /// <summary>
    /// <paramref name="minor"/> units of 10^-<paramref name="digits"/> written with exactly <paramref name="scale"/>
    /// decimals (at most <paramref name="digits"/>, and enough for the value): what adding up amounts of
    /// those scales in decimal gives.
    /// </summary>
    public static decimal ToDecimal(long minor, int digits, int scale)
    {
        var units = minor / Pow10(digits - scale);
        var negative = units < 0;
        var magnitude = negative ? (ulong)-units : (ulong)units;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
    }

    /// <summary>An amount already on the minor-unit grid (rounded), in minor units; exact, nothing is rounded here.</summary>
    public static long OnGrid(decimal amount, int digits) => (long)(amount * Pow10(digits));

    /// <summary>
    /// <paramref name="amount"/> as a whole number of 10^-<paramref name="scale"/> units, or null when it is not
    /// a whole number of them or does not fit a <see cref="long"/>.
    /// </summary>
    public static long? Scaled(decimal amount, int scale)
    {
        if (scale is < 0 or > 28)
        {
            return null;
        }

        var own = amount.Scale;
        if (own > scale)
        {
            // Trailing zeros may still make it whole at the coarser scale.
            var shifted = amount * Pow10Decimal(scale);
            return decimal.Truncate(shifted) == shifted && Math.Abs(shifted) <= long.MaxValue ? (long)shifted : null;
        }

        Span<int> bits = stackalloc int[4];
        decimal.GetBits(amount, bits);
        if (bits[2] != 0 || scale - own > MaxPower)
        {
            return null;
        }

        var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var factor = (ulong)Pow10(scale - own);
        if (mantissa > (ulong)long.MaxValue / factor)
        {
            return null;
        }

        var value = (long)(mantissa * factor);
        return amount < 0m ? -value : value;
    }

    /// <summary>An exact decimal of <paramref name="units"/> × 10^-<paramref name="scale"/> (scale up to 28).</summary>
    public static decimal FromScaled(long units, int scale)
    {
        var negative = units < 0;
        var magnitude = negative ? (ulong)-units : (ulong)units;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, negative, (byte)scale);
    }

    /// <summary>
    /// The positive <paramref name="weights"/> of the selected lines as whole numbers of one common unit
    /// 10^-scale into <paramref name="into"/> (zero for the others); returns the scale, or -1 when they do not
    /// all fit a <see cref="long"/> with room to add them up.
    /// </summary>
    public static int ToCommonScale(LineSelection lines, decimal[] weights, long[] into)
    {
        var scale = 0;
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var weight = weights[lines.Lines[j]];
            if (weight > 0m)
            {
                scale = Math.Max(scale, weight.Scale);
            }
        }

        if (scale > MaxPower)
        {
            return -1;
        }

        var bound = long.MaxValue / 4 / Math.Max(1, lines.EligibleCount);
        Span<int> bits = stackalloc int[4];
        for (var j = 0; j < lines.EligibleCount; j++)
        {
            var i = lines.Lines[j];
            into[i] = 0;
            var weight = weights[i];
            if (weight <= 0m)
            {
                continue;
            }

            decimal.GetBits(weight, bits);
            var mantissa = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
            var factor = (ulong)Pow10(scale - weight.Scale);
            if (bits[2] != 0 || mantissa > (ulong)bound / factor)
            {
                return -1;
            }

            into[i] = (long)(mantissa * factor);
        }

        return scale;
    }

    private static decimal Pow10Decimal(int n) => n <= MaxPower ? Pow10(n) : Pow10(MaxPower) * (decimal)Pow10(n - MaxPower);
}
