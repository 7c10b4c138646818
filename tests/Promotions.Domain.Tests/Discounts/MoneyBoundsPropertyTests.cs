using System.Globalization;
using CsCheck;
using Promotions.Domain.Carts;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts;
using Promotions.Domain.Offers.Input;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Tests.Discounts;

/// <summary>
/// Carts the input validator accepts, at and near the money bounds (every line at <see cref="MoneyLimits.MaxAmount"/>,
/// up to 500 lines, in currencies of 0 to 4 decimals), quoted with effects at their own bounds: nothing overflows, and
/// every amount of the quote, and the order total, converts to minor units and back exactly — as the ledger and
/// Analytics convert them.
/// </summary>
public sealed class MoneyBoundsPropertyTests
{
    private static readonly string Max = MoneyLimits.MaxAmount.ToString(CultureInfo.InvariantCulture);
    private static readonly string MaxTotal = MoneyLimits.MaxTotal.ToString(CultureInfo.InvariantCulture);

    private static readonly Gen<string> Currency = Gen.OneOf("EUR", "JPY", "KWD", "CLF");

    private static readonly Gen<string> Effect = Gen.OneOf(
        QuoteGenerators.Target.Select(t => $"{{\"type\":\"amount_off\",\"amount\":{Max},\"target\":{t}}}"),
        QuoteGenerators.Target.Select(t => $"{{\"type\":\"percent_off\",\"percent\":100,\"maxDiscount\":{MaxTotal},\"target\":{t}}}"),
        Gen.Int[1, 10_000].Select(q => $"{{\"type\":\"fixed_price\",\"quantity\":{q},\"price\":{Max}}}"),
        Gen.Int[1, 3].Select(q => $"{{\"type\":\"fixed_price\",\"quantity\":{q},\"price\":0.01}}"),
        Gen.Const($"{{\"type\":\"tiered\",\"tiers\":[{{\"threshold\":1,\"percentOff\":50}},{{\"threshold\":{MaxTotal},\"amountOff\":{MaxTotal}}}]}}"),
        Gen.Const($"{{\"type\":\"buy_x_get_y\",\"buy\":{{\"quantity\":1}},\"get\":{{\"quantity\":1000000}}}}"),
        Gen.Const($"{{\"type\":\"free_shipping\",\"maxDiscount\":{MaxTotal}}}"),
        Gen.Const($"{{\"type\":\"free_gift\",\"sku\":\"G\",\"quantity\":1000,\"value\":{Max}}}"));

    private static readonly Gen<(Cart Cart, QuoteCandidate[] Candidates)> Scenario =
        from currency in Currency
        from count in Gen.Frequency((4, Gen.Int[1, 10]), (1, Gen.Const(InputLimits.MaxLines)))
        from quantities in Gen.OneOf(Gen.Const(1), Gen.Const(3), Gen.Const(InputLimits.MaxQuantity), Gen.Int[1, InputLimits.MaxQuantity]).Array[count]
        from less in Gen.Int[0, 1000].Array[count]
        from shipping in Gen.OneOf(Gen.Const(0m), Gen.Const(MoneyLimits.MaxAmount))
        from effects in Effect.Array[1, 4]
        from exclusive in Gen.Bool
        select (Accepted(currency, quantities, less, shipping), effects.Select((json, i) =>
            new QuoteCandidate($"P{i}", Build.Effect(json), i, new Stacking(exclusive && i == 0, null))).ToArray());

    [Fact]
    public void Quote_ForAcceptedCartsAtTheMoneyBounds_NeverOverflowsAndConvertsToMinorUnitsExactly()
    {
        Scenario.Sample(s =>
        {
            var quote = DiscountEngine.Quote(s.Cart, s.Candidates, new QuotePolicy());
            var currency = s.Cart.Currency;
            Assert.True(s.Cart.Subtotal + s.Cart.Shipping <= MoneyLimits.MaxTotal);
            Exact(s.Cart.Subtotal + s.Cart.Shipping, currency);
            Exact(quote.Total, currency);
            Exact(quote.TotalDiscount, currency);
            foreach (var applied in quote.Applied)
            {
                Exact(applied.Amount + applied.ShippingDiscount, currency);
                foreach (var gift in applied.Gifts)
                {
                    Exact(gift.Value, currency);
                }
            }
        }, iter: 60, print: s => $"{s.Cart.Currency} lines={s.Cart.Lines.Count} ship={s.Cart.Shipping} effects={string.Join(", ", s.Candidates.Select(c => c.Effect))}");
    }

    // Through the validator, so only carts the API accepts are quoted: each line's total is at most MaxAmount.
    private static Cart Accepted(string currency, int[] quantities, int[] less, decimal shipping)
    {
        var lines = quantities.Select((q, i) => new CartLineInput(
            $"L{i:D3}", $"S{i % 6}", q, Math.Max(0m, Money.Floor(MoneyLimits.MaxAmount / q, currency) - Money.FromMinor(less[i], currency)))).ToArray();
        var errors = new List<DomainError>();
        var cart = InputValidator.ToCart(new CartInput(currency, lines, shipping), "$.cart", errors);
        Assert.True(cart is not null, string.Join("; ", errors.Select(e => $"{e.Path} {e.Message}")));
        return cart;
    }

    private static void Exact(decimal amount, string currency) =>
        Assert.Equal(Money.Round(amount, currency), Money.FromMinor(Money.ToMinor(amount, currency), currency));
}
