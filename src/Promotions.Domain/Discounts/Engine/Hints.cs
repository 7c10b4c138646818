using System.Globalization;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts.Effects;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>Human wording of amounts and filters for messages and "how to qualify" hints.</summary>
internal static class Hints
{
    /// <summary>"12.00 EUR", with the currency's minor units.</summary>
    public static string Amount(decimal amount, string currency) =>
        amount.ToString("F" + Money.MinorUnits(currency).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " " + currency;

    public static string Items(int count) => count == 1 ? "1 more item" : $"{count} more items";

    /// <summary>" from SKU A, B or category shoes" (leading space), or an empty string when any item will do.</summary>
    public static string From(ItemFilter? filter)
    {
        if (filter is null || (filter.Skus.Count == 0 && filter.Categories.Count == 0))
        {
            return filter is { ExcludeSkus.Count: > 0 } ? $" (not SKU {string.Join(", ", filter.ExcludeSkus)})" : "";
        }

        var parts = new List<string>(2);
        if (filter.Skus.Count > 0)
        {
            parts.Add("SKU " + string.Join(", ", filter.Skus));
        }

        if (filter.Categories.Count > 0)
        {
            parts.Add("category " + string.Join(", ", filter.Categories));
        }

        return " from " + string.Join(" or ", parts);
    }

    /// <summary>The hint for a shortage of <paramref name="missing"/> units of <paramref name="filter"/>.</summary>
    public static Miss NotEnoughItems(int missing, ItemFilter? filter, string what) =>
        new(NotAppliedReasons.NotEnoughItems, $"Not enough items for {what}.", $"Add {Items(missing)}{From(filter)}.");
}
