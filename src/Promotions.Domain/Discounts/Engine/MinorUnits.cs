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

    private static decimal Pow10Decimal(int n) => n <= MaxPower ? Pow10(n) : Pow10(MaxPower) * (decimal)Pow10(n - MaxPower);
}
