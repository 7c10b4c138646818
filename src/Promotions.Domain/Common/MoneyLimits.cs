using System.Globalization;

namespace Promotions.Domain.Common;

/// <summary>
/// The bounds of every money amount the product accepts, defined once and checked at each edge (carts, budgets,
/// effects, customer profiles) with the JSON path of the amount; documented in docs/offers-and-validation.md.
/// They keep every computation exact: 500 lines of at most <see cref="MaxAmount"/> sum to less than
/// <see cref="MaxTotal"/>, and <see cref="MaxTotal"/> in the minor units of any currency (at most 4 digits) is
/// 10^16, far inside a <see cref="long"/> (9.2 × 10^18) and a <see cref="decimal"/>'s 28 digits, with room for the
/// sums of many such amounts.
/// </summary>
public static class MoneyLimits
{
    /// <summary>The most one price may be: a unit price, a line's total (quantity × unit price), shipping, an effect's amount off, fixed price or gift value.</summary>
    public const decimal MaxAmount = 1_000_000_000m;

    /// <summary>The most a total may be: a cart's subtotal plus shipping, a campaign budget, a discount cap, a tier threshold, a lifetime spend.</summary>
    public const decimal MaxTotal = 1_000_000_000_000m;

    /// <summary>
    /// Why <paramref name="amount"/> is not acceptable, or null when it is: below zero (or zero unless
    /// <paramref name="allowZero"/>), above <paramref name="max"/>, or with more decimals than the minor unit of
    /// <paramref name="currency"/> (not checked when the currency is null).
    /// </summary>
    public static string? Problem(decimal amount, decimal max, string? currency = null, bool allowZero = true)
    {
        if (amount < 0m || (amount == 0m && !allowZero) || amount > max)
        {
            var lower = allowZero ? "at least 0" : "greater than 0";
            return $"The amount must be {lower} and at most {Format(max)}.";
        }

        if (currency is not null && Money.Round(amount, currency) != amount)
        {
            return $"{currency} amounts have at most {Money.MinorUnits(currency)} decimals.";
        }

        return null;
    }

    /// <summary>A bound as people write it: 1,000,000,000.</summary>
    public static string Format(decimal bound) => bound.ToString("#,0", CultureInfo.InvariantCulture);
}
