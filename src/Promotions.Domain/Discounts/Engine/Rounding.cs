using Promotions.Domain.Common;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>Rounding up to the minor unit, built on <see cref="Money.Floor"/> (which truncates toward zero).</summary>
internal static class Rounding
{
    /// <summary>The smallest whole number of minor units not below <paramref name="amount"/> (for amounts ≥ 0).</summary>
    public static decimal Up(decimal amount, string currency)
    {
        var down = Money.Floor(amount, currency);
        return down < amount ? down + Money.FromMinor(1, currency) : down;
    }
}
