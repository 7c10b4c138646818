using Promotions.Domain.Common;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>How the weights of a percent or amount off lines are computed.</summary>
internal enum LineMode
{
    /// <summary>In decimal, as written (the effect's numbers do not fit the exact integer form).</summary>
    Decimal,

    /// <summary>Weight = remaining × percent, capped by an optional maximum.</summary>
    Percent,

    /// <summary>Weight = remaining; the discount is a fixed amount.</summary>
    Amount,
}

/// <summary>
/// A percent or amount off lines in whole units of 10^-<see cref="Scale"/>: remaining amounts (minor units)
/// times <see cref="Multiplier"/> give the weights exactly, with no rounding, so they equal the decimal
/// weights of the plain formulas. Chosen once per plan; when the effect's numbers or the cart's amounts would
/// not fit a <see cref="long"/>, the mode is <see cref="LineMode.Decimal"/>.
/// </summary>
internal readonly record struct LineArithmetic(LineMode Mode, int Scale, long Multiplier, long RoomFactor, long Limit)
{
    /// <summary>
    /// For <c>remaining × percent / 100</c>, capped at <paramref name="cap"/>: weights in 10^-(digits + 2 + k) units
    /// where k is the percent's scale.
    /// </summary>
    public static LineArithmetic Percent(decimal percent, decimal? cap, LineSelection lines, CartView view)
    {
        var k = percent.Scale;
        var scale = view.Digits + 2 + k;
        if (scale > 28 || 2 + k > MinorUnits.MaxPower || MinorUnits.Scaled(percent, k) is not { } multiplier || multiplier <= 0)
        {
            return default;
        }

        var limit = long.MaxValue;
        if (cap is { } max)
        {
            if (MinorUnits.Scaled(max, scale) is not { } capScaled)
            {
                return default;
            }

            limit = capScaled;
        }

        var roomFactor = MinorUnits.Pow10(2 + k);
        return Fits(lines, multiplier, roomFactor) ? new LineArithmetic(LineMode.Percent, scale, multiplier, roomFactor, limit) : default;
    }

    /// <summary>
    /// For <c>units × unit value × percent / 100</c> where unit values are whole numbers of 10^-(digits + 2) units
    /// (<see cref="PricingState.UnitKeys"/>): weights in 10^-(digits + 4 + k) units, k the percent's scale. Whether
    /// a weight fits is checked as it is computed.
    /// </summary>
    public static LineArithmetic UnitPercent(decimal percent, LineSelection lines, CartView view)
    {
        var k = percent.Scale;
        var scale = view.Digits + 4 + k;
        if (scale > 28 || 4 + k > MinorUnits.MaxPower || lines.EligibleCount == 0 || MinorUnits.Scaled(percent, k) is not { } multiplier || multiplier <= 0)
        {
            return default;
        }

        return new LineArithmetic(LineMode.Percent, scale, multiplier, MinorUnits.Pow10(4 + k), long.MaxValue);
    }

    /// <summary>For <paramref name="amount"/> spread over the lines: weights are the remaining amounts, in the finer of the two scales.</summary>
    public static LineArithmetic Amount(decimal amount, LineSelection lines, CartView view)
    {
        var scale = Math.Max(view.Digits, amount.Scale);
        if (scale - view.Digits > MinorUnits.MaxPower || MinorUnits.Scaled(amount, scale) is not { } scaled)
        {
            return default;
        }

        var factor = MinorUnits.Pow10(scale - view.Digits);
        return Fits(lines, factor, factor) ? new LineArithmetic(LineMode.Amount, scale, factor, factor, scaled) : default;
    }

    /// <summary>The discount the weights allow, rounded down to the minor unit (as <see cref="Money.Floor"/> would).</summary>
    public long FloorToMinor(long exact) => exact / RoomFactor;

    // Remaining amounts never exceed the originals, so bounding the originals bounds every weight and their sum.
    private static bool Fits(LineSelection lines, long multiplier, long roomFactor)
    {
        var most = lines.LargestMinor;
        var bound = long.MaxValue / 4 / Math.Max(1, lines.EligibleCount);
        return multiplier <= bound / most && roomFactor <= bound / most;
    }
}
