namespace Promotions.Domain.Common;

/// <summary>
/// Currency arithmetic in one place: every rounding of a money amount in the product goes through
/// here, to the minor unit of its ISO 4217 currency, half away from zero.
/// </summary>
public static class Money
{
    /// <summary>True when <paramref name="currency"/> is an active ISO 4217 code (upper case), e.g. EUR.</summary>
    public static bool IsValidCurrency(string? currency) => currency is not null && Currencies.MinorUnits.ContainsKey(currency);

    /// <summary>
    /// Digits after the decimal point for <paramref name="currency"/>, from the ISO 4217 table; 2 for a code the
    /// table does not know (only stored data from before currencies were checked can carry one).
    /// </summary>
    public static int MinorUnits(string currency) =>
        Currencies.MinorUnits.TryGetValue(currency, out var digits) ? digits : 2;

    /// <summary>Rounds to the currency's minor unit, half away from zero.</summary>
    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, MinorUnits(currency), MidpointRounding.AwayFromZero);

    /// <summary>Rounds down (towards zero) to the minor unit: used where a discount must never overshoot.</summary>
    public static decimal Floor(decimal amount, string currency)
    {
        var scale = Scale(currency);
        return decimal.Truncate(amount * scale) / scale;
    }

    /// <summary>The amount in minor units (cents); the amount must already be rounded.</summary>
    public static long ToMinor(decimal amount, string currency) => (long)(Round(amount, currency) * Scale(currency));

    /// <summary>The amount of <paramref name="minor"/> minor units.</summary>
    public static decimal FromMinor(long minor, string currency) => minor / Scale(currency);

    private static decimal Scale(string currency) => MinorUnits(currency) switch
    {
        0 => 1m,
        3 => 1000m,
        4 => 10000m,
        _ => 100m,
    };
}
