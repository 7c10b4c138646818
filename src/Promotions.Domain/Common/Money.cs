namespace Promotions.Domain.Common;

/// <summary>
/// Currency arithmetic in one place: every rounding of a money amount in the product goes through
/// here, to the minor unit of its ISO 4217 currency, half away from zero.
/// </summary>
public static class Money
{
    private static readonly Dictionary<string, int> MinorUnitExceptions = new(StringComparer.Ordinal)
    {
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0,
        ["KRW"] = 0, ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0,
        ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    /// <summary>True when <paramref name="currency"/> is three upper-case ASCII letters.</summary>
    public static bool IsValidCurrency(string? currency) =>
        currency is { Length: 3 } && currency.All(static c => c is >= 'A' and <= 'Z');

    /// <summary>Digits after the decimal point for <paramref name="currency"/> (2 unless listed otherwise).</summary>
    public static int MinorUnits(string currency) =>
        MinorUnitExceptions.TryGetValue(currency, out var digits) ? digits : 2;

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
        _ => 100m,
    };
}
