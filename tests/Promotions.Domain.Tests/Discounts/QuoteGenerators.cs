using CsCheck;
using Promotions.Domain.Carts;
using Promotions.Domain.Common;
using Promotions.Domain.Discounts;
using Promotions.Domain.Promotions;

namespace Promotions.Domain.Tests.Discounts;

/// <summary>A generated quote input: cart, candidates and policy.</summary>
internal sealed record Scenario(Cart Cart, QuoteCandidate[] Candidates, QuotePolicy Policy, int ShuffleSeed)
{
    public override string ToString() =>
        $"{Cart.Currency} lines=[{string.Join(", ", Cart.Lines.Select(l => $"{l.LineId}:{l.Sku}/{l.Category} {l.Quantity}x{l.UnitPrice}{(l.NonDiscountable ? " nd" : "")}{(l.AlreadyDiscounted ? " ad" : "")}"))}] " +
        $"ship={Cart.Shipping} policy={Policy} candidates=[{string.Join(", ", Candidates.Select(c => $"{c.PromotionId} p{c.Priority} {c.Stacking} {c.Code} {c.Effect}"))}]";
}

/// <summary>CsCheck generators of carts (1–20 lines, EUR/JPY/KWD) and candidate sets over every effect type.</summary>
internal static class QuoteGenerators
{
    private static readonly string[] Skus = ["S0", "S1", "S2", "S3", "S4", "S5"];
    private static readonly string?[] Categories = [null, "c0", "c1", "c2"];

    public static readonly Gen<string> Currency = Gen.OneOf("EUR", "JPY", "KWD");

    public static Gen<CartLine> Line(string currency, int index) =>
        from sku in Gen.OneOf(Skus)
        from category in Gen.OneOf(Categories)
        from quantity in Gen.Int[1, 10]
        from minor in Gen.Int[1, 20_000]
        from flags in Gen.Int[0, 9]
        select new CartLine($"L{index:D2}", sku, category, quantity, Money.FromMinor(minor, currency), flags == 0, flags is 1 or 2);

    public static Gen<Cart> Cart =>
        from currency in Currency
        from count in Gen.Int[1, 20]
        from built in Lines(currency, count)
        from shipping in Gen.OneOf(Gen.Const(0), Gen.Int[1, 2_000])
        select new Cart(currency, built, Money.FromMinor(shipping, currency));

    public static Gen<string> Filter =>
        from skus in Gen.OneOf(Skus).Array[0, 2]
        from categories in Gen.OneOf("c0", "c1", "c2").Array[0, 1]
        from exclude in Gen.OneOf(Skus).Array[0, 1]
        select skus.Length + categories.Length + exclude.Length == 0
            ? "{\"skus\":[\"S0\"]}"
            : $"{{\"skus\":{List(skus)},\"categories\":{List(categories)},\"excludeSkus\":{List(exclude)}}}";

    public static Gen<string> Target =>
        Gen.Frequency((1, Gen.Const("{\"scope\":\"order\"}")), (2, Filter.Select(f => $"{{\"scope\":\"items\",\"filter\":{f}}}")));

    public static Gen<string> Effect => Gen.OneOf(
        from percent in Gen.Int[1, 100]
        from cap in Gen.OneOf(Gen.Const(""), Gen.Int[1, 100].Select(c => $",\"maxDiscount\":{c}"))
        from target in Target
        from exclude in Gen.Bool
        select $"{{\"type\":\"percent_off\",\"percent\":{percent}{cap},\"target\":{target},\"excludeAlreadyDiscounted\":{Bool(exclude)}}}",
        from amount in Gen.Int[1, 300]
        from target in Target
        select $"{{\"type\":\"amount_off\",\"amount\":{amount},\"target\":{target}}}",
        from quantity in Gen.Int[1, 4]
        from price in Gen.Int[1, 200]
        from max in Gen.OneOf(Gen.Const(""), Gen.Int[1, 3].Select(m => $",\"maxApplications\":{m}"))
        from target in Target
        select $"{{\"type\":\"fixed_price\",\"quantity\":{quantity},\"price\":{price}{max},\"target\":{target}}}",
        from buy in Gen.Int[1, 3]
        from get in Gen.Int[1, 2]
        from percent in Gen.Int[1, 100]
        from buyFilter in Filter
        from specified in Gen.Bool
        from repeat in Gen.Bool
        from getSku in Gen.OneOf(Skus)
        select $"{{\"type\":\"buy_x_get_y\",\"buy\":{{\"quantity\":{buy},\"filter\":{buyFilter}}}," +
               $"\"get\":{{\"quantity\":{get},\"percentOff\":{percent}{(specified ? $",\"filter\":{{\"skus\":[\"{getSku}\"]}}" : "")}}}," +
               $"\"repeat\":{Bool(repeat)},\"choose\":\"{(specified ? "specified" : "cheapest")}\"}}",
        from quantityBasis in Gen.Bool
        from first in Gen.Int[1, 200]
        from step in Gen.Int[1, 200]
        from percent in Gen.Int[1, 50]
        from amount in Gen.Int[1, 100]
        from target in Target
        select $"{{\"type\":\"tiered\",\"basis\":\"{(quantityBasis ? "quantity" : "subtotal")}\",\"target\":{target}," +
               $"\"tiers\":[{{\"threshold\":{(quantityBasis ? first % 8 + 1 : first)},\"percentOff\":{percent}}}," +
               $"{{\"threshold\":{(quantityBasis ? first % 8 + 1 + step % 8 + 1 : first + step)},\"amountOff\":{amount}}}]}}",
        Gen.OneOf(Gen.Const("{\"type\":\"free_shipping\"}"), Gen.Int[1, 10].Select(c => $"{{\"type\":\"free_shipping\",\"maxDiscount\":{c}}}")),
        Gen.Int[0, 20].Select(v => $"{{\"type\":\"free_gift\",\"sku\":\"G\",\"quantity\":2,\"value\":{v}}}"));

    public static Gen<QuoteCandidate> Candidate(int index) =>
        from json in Effect
        from priority in Gen.Int[0, 3]
        from exclusive in Gen.Int[0, 4]
        from stackGroup in Gen.OneOf<string?>(null, null, "g1", "g2")
        from code in Gen.OneOf<string?>(null, null, "C1", "C2", "C3")
        select new QuoteCandidate($"P{index:D2}", Build.Effect(json), priority, new Stacking(exclusive == 0, stackGroup), code);

    public static Gen<QuotePolicy> Policy =>
        from max in Gen.OneOf(Gen.Const((decimal?)null), Gen.Int[0, 100].Select(p => (decimal?)p))
        from codes in Gen.Int[0, 3]
        from exclude in Gen.Bool
        from floor in Gen.OneOf(Gen.Const((decimal?)null), Gen.Int[0, 100].Select(p => (decimal?)p))
        select new QuotePolicy(max, codes, exclude, floor);

    public static Gen<Scenario> Scenario =>
        from cart in Cart
        from count in Gen.Int[0, 8]
        from candidates in Candidates(count)
        from policy in Policy
        from seed in Gen.Int
        select new Scenario(cart, candidates, policy, seed);

    private static Gen<CartLine[]> Lines(string currency, int count) =>
        Enumerable.Range(0, count).Aggregate(
            Gen.Const(Array.Empty<CartLine>()),
            (acc, i) => from lines in acc from line in Line(currency, i) select (CartLine[])[.. lines, line]);

    private static Gen<QuoteCandidate[]> Candidates(int count) =>
        Enumerable.Range(0, count).Aggregate(
            Gen.Const(Array.Empty<QuoteCandidate>()),
            (acc, i) => from list in acc from candidate in Candidate(i) select (QuoteCandidate[])[.. list, candidate]);

    private static string List(string[] values) => "[" + string.Join(",", values.Distinct().Select(v => $"\"{v}\"")) + "]";

    private static string Bool(bool value) => value ? "true" : "false";
}
