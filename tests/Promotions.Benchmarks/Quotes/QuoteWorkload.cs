using System.Globalization;
using System.Text.Json;
using Promotions.Domain.Carts;
using Promotions.Domain.Customers;
using Promotions.Domain.Discounts;
using Promotions.Domain.Promotions;
using Promotions.Domain.Rules;

namespace Promotions.Benchmarks.Quotes;

/// <summary>
/// A 20-line cart against 200 active promotions: each promotion has a three-condition rule (segment,
/// cart subtotal, channel) and one of seven effect kinds; some are exclusive, some share a stacking
/// group, so the quote exercises eligibility, every effect, stacking and allocation.
/// </summary>
public static class QuoteWorkload
{
    public const int PromotionCount = 200;
    public const int LineCount = 20;

    private static readonly string[] Categories = ["shoes", "shirts", "socks", "hats", "bags"];
    private static readonly string[] Segments = ["vip", "newsletter", "b2b"];

    public static DateTimeOffset Now { get; } = new(2025, 3, 14, 12, 0, 0, TimeSpan.Zero);

    public static CustomerProfile Customer { get; } = new(
        "c-7",
        JsonDocument.Parse("""{"tier":"gold"}""").RootElement,
        ["vip", "newsletter"],
        new PurchaseHistory(4, 310m, Now.AddDays(-20), []));

    public static Cart Cart { get; } = new("EUR",
        [.. Enumerable.Range(0, LineCount).Select(i => new CartLine(
            $"line-{i:D2}",
            $"SKU-{i % 12}",
            Categories[i % Categories.Length],
            1 + (i % 3),
            decimal.Round(4.99m + (i * 3.37m), 2),
            NonDiscountable: i == 17,
            AlreadyDiscounted: i % 9 == 4))],
        Shipping: 4.90m);

    /// <summary>The promotions, compiled once (as the live catalog does per promotion version).</summary>
    public static IReadOnlyList<(CompiledCondition Rule, QuoteCandidate Candidate)> Promotions() =>
        [.. Enumerable.Range(0, PromotionCount).Select(i =>
        {
            var rule = RuleLanguage.Parse(JsonDocument.Parse(Rule(i)).RootElement);
            var effect = EffectParser.Parse(JsonDocument.Parse(Effect(i)).RootElement);
            if (!rule.IsSuccess || !effect.IsSuccess)
            {
                throw new InvalidOperationException($"Workload promotion {i} does not parse.");
            }

            return (RuleLanguage.Compile(rule.Value), new QuoteCandidate($"prm-{i:D3}", effect.Value, PriorityOf(i), StackingOf(i)));
        })];

    /// <summary>The priority of promotion <paramref name="i"/>: ten levels, so ranks tie and break by id.</summary>
    public static int PriorityOf(int i) => i % 10;

    /// <summary>How promotion <paramref name="i"/> stacks: every 40th is exclusive, every 5th in one of three groups.</summary>
    public static Stacking StackingOf(int i) => new(Exclusive: i % 40 == 7, Group: i % 5 == 0 ? $"group-{i % 3}" : null);

    private static string Rule(int i) => string.Create(CultureInfo.InvariantCulture, $$"""
        {"all":[
          {"fact":"customer.segments","op":"contains","value":"{{Segments[i % Segments.Length]}}"},
          {"fact":"cart.subtotal","op":"gte","value":{{(i % 8) * 25}}},
          {"fact":"channel","op":"in","value":["web","{{(i % 4 == 0 ? "email" : "mobile_app")}}"]}
        ]}
        """);

    /// <summary>
    /// The effect of promotion <paramref name="i"/>: one of seven kinds, the item-level ones on a category of
    /// <paramref name="categories"/> (the workload's own when null; the load test renames them).
    /// </summary>
    public static string Effect(int i, IReadOnlyList<string>? categories = null)
    {
        categories ??= Categories;
        var category = categories[i % categories.Count];
        var items = "\"target\":{\"scope\":\"items\",\"filter\":{\"categories\":[\"" + category + "\"]}}";
        var n = i.ToString(CultureInfo.InvariantCulture);
        return (i % 7) switch
        {
            0 => "{\"type\":\"percent_off\",\"percent\":" + (5 + (i % 20)).ToString(CultureInfo.InvariantCulture) + ",\"maxDiscount\":40," + items + "}",
            1 => "{\"type\":\"amount_off\",\"amount\":" + (2 + (i % 9)).ToString(CultureInfo.InvariantCulture) + "}",
            2 => "{\"type\":\"fixed_price\",\"quantity\":2,\"price\":15,\"maxApplications\":2," + items + "}",
            3 => "{\"type\":\"buy_x_get_y\",\"buy\":{\"quantity\":2,\"filter\":{\"categories\":[\"" + category
                + "\"]}},\"get\":{\"quantity\":1,\"percentOff\":100},\"repeat\":true,\"maxApplications\":2}",
            4 => """{"type":"tiered","basis":"subtotal","tiers":[{"threshold":50,"percentOff":5},{"threshold":150,"percentOff":10},{"threshold":300,"amountOff":40}]}""",
            5 => """{"type":"free_shipping"}""",
            _ => "{\"type\":\"free_gift\",\"sku\":\"GIFT-" + n + "\",\"quantity\":1,\"value\":5}",
        };
    }
}
