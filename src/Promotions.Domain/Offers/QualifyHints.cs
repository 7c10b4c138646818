using System.Globalization;
using Promotions.Domain.Carts;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts.Engine;
using Promotions.Domain.Rules;

namespace Promotions.Domain.Offers;

/// <summary>"How to qualify" hints for failed conditions whose gap the customer can close by adding to the cart.</summary>
public static class QualifyHints
{
    /// <summary>"Available on: web, mobile_app".</summary>
    public static string AvailableOn(IEnumerable<string> channels) => "Available on: " + string.Join(", ", channels);

    /// <summary>
    /// The hint of one failed leaf, or null: a <c>gte</c>/<c>gt</c> threshold on <c>cart.subtotal</c> gives
    /// "Add 12.00 EUR to qualify." (a strict threshold needs one minor unit more), one on
    /// <c>cart.item_count</c>, <c>cart.sku_quantity</c> or <c>cart.category_quantity</c> gives
    /// "Add 2 more items … to qualify.". Anything else (or a missing cart) has no hint.
    /// </summary>
    public static string? For(FactCondition leaf, string? actual, Cart? cart)
    {
        ArgumentNullException.ThrowIfNull(leaf);
        if (cart is null || leaf.Operator is not (RuleOperator.Gte or RuleOperator.Gt) || leaf.Value is not NumberOperand threshold
            || !decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var have))
        {
            return null;
        }

        var strict = leaf.Operator == RuleOperator.Gt;
        switch (leaf.Fact)
        {
            case "cart.subtotal":
                var step = strict ? Money.FromMinor(1, cart.Currency) : 0m;
                var missing = Money.Round(threshold.Value - have + step, cart.Currency);
                return missing > 0m ? $"Add {Hints.Amount(missing, cart.Currency)} to qualify." : null;
            case "cart.item_count":
                return Items(threshold.Value, have, strict, "");
            case "cart.sku_quantity":
                return Items(threshold.Value, have, strict, $" of SKU {leaf.Parameters.Sku}");
            case "cart.category_quantity":
                return Items(threshold.Value, have, strict, $" from category {leaf.Parameters.Category}");
            default:
                return null;
        }
    }

    private static string? Items(decimal threshold, decimal have, bool strict, string what)
    {
        var needed = strict ? decimal.Floor(threshold) + 1 : decimal.Ceiling(threshold);
        var missing = (int)Math.Min(needed - have, int.MaxValue);
        return missing switch
        {
            <= 0 => null,
            _ => $"Add {Hints.Items(missing)}{what} to qualify.",
        };
    }
}
