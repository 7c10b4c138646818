using Promotions.Domain.Carts;
using Promotions.Domain.Common;

namespace Promotions.Domain.Discounts.Engine;

/// <summary>
/// The cart as the engine sees it: lines sorted by line id (ordinal), so nothing downstream depends on
/// the order the caller listed them in, with each line's rounded amount and the lowest it may reach.
/// </summary>
internal sealed class CartView
{
    private CartView(string currency, CartLine[] lines, int[] cartPosition, decimal[] original, decimal[] minFinal, decimal shipping)
    {
        Currency = currency;
        Digits = Money.MinorUnits(currency);
        Lines = lines;
        CartPosition = cartPosition;
        Original = original;
        MinFinal = minFinal;
        Shipping = shipping;
        ShippingMinor = MinorUnits.OnGrid(shipping, Digits);
        OriginalMinor = new long[lines.Length];
        MinFinalMinor = new long[lines.Length];
        for (var i = 0; i < lines.Length; i++)
        {
            Subtotal += original[i];
            OriginalMinor[i] = MinorUnits.OnGrid(original[i], Digits);
            MinFinalMinor[i] = MinorUnits.OnGrid(minFinal[i], Digits);
        }
    }

    public string Currency { get; }

    /// <summary>Digits of the currency's minor unit; the engine counts amounts in whole minor units.</summary>
    public int Digits { get; }

    public CartLine[] Lines { get; }

    /// <summary>For each line here, its index in the caller's cart.</summary>
    public int[] CartPosition { get; }

    public decimal[] Original { get; }

    /// <summary>The price floor of each line: it never goes below this amount.</summary>
    public decimal[] MinFinal { get; }

    /// <summary><see cref="Original"/> in minor units.</summary>
    public long[] OriginalMinor { get; }

    /// <summary><see cref="MinFinal"/> in minor units.</summary>
    public long[] MinFinalMinor { get; }

    public decimal Subtotal { get; }

    public decimal Shipping { get; }

    public long ShippingMinor { get; }

    public int Count => Lines.Length;

    public static CartView Create(Cart cart, QuotePolicy policy)
    {
        var order = new int[cart.Lines.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Every field takes part, so even lines sharing an id sort the same whatever the input order.
        Array.Sort(order, (a, b) => CompareLines(cart.Lines[a], cart.Lines[b]));
        var lines = new CartLine[order.Length];
        var original = new decimal[order.Length];
        var minFinal = new decimal[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var line = cart.Lines[order[i]];
            lines[i] = line;
            original[i] = Money.Round(line.Total, cart.Currency);
            minFinal[i] = policy.PriceFloorPercent is { } floor && original[i] > 0m
                ? Rounding.Up(original[i] * floor / 100m, cart.Currency) // up: the floor is a minimum
                : 0m;
        }

        return new CartView(cart.Currency, lines, order, original, minFinal, Math.Max(0m, Money.Round(cart.Shipping, cart.Currency)));
    }

    private static int CompareLines(CartLine a, CartLine b)
    {
        var c = string.CompareOrdinal(a.LineId, b.LineId);
        if (c == 0)
        {
            c = string.CompareOrdinal(a.Sku, b.Sku);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Category, b.Category);
        }

        if (c == 0)
        {
            c = a.UnitPrice.CompareTo(b.UnitPrice);
        }

        if (c == 0)
        {
            c = a.Quantity.CompareTo(b.Quantity);
        }

        if (c == 0)
        {
            c = a.NonDiscountable.CompareTo(b.NonDiscountable);
        }

        return c != 0 ? c : a.AlreadyDiscounted.CompareTo(b.AlreadyDiscounted);
    }
}
