using Promotions.LocalHost.Demo;

namespace Promotions.Api.Tests.Host;

/// <summary>
/// Amounts past the bounds of <c>MoneyLimits</c>, unknown currencies and surplus decimals, on every endpoint that
/// takes money: each must be refused with a 400 whose errors name <see cref="MoneyCase.Path"/>.
/// </summary>
internal static class MoneyCases
{
    // 10,000 × 1e14 overflowed the minor units of a long; 1e17 a budget's and an order's.
    private const string Huge = "1e17";

    public static IReadOnlyList<MoneyCase> Build(string campaignETag, string promotionETag)
    {
        var cases = new List<MoneyCase>();
        foreach (var (what, url, prefix, body) in CartEndpoints())
        {
            foreach (var (label, cart, path) in Carts())
            {
                cases.Add(new($"{what} {label}", "POST", url, body(cart), $"{prefix}{path}"));
            }
        }

        cases.Add(new("validate inline lifetime spend 1e17", "POST", "/validate",
            Validate(Cart("1", 1)).Replace("\"channel\"", $"\"customer\":{{\"history\":{{\"lifetimeSpend\":{Huge}}}}},\"channel\""),
            "$.customer.history.lifetimeSpend"));

        foreach (var (label, budget, path) in Budgets())
        {
            cases.Add(new($"campaign create {label}", "POST", "/admin/campaigns", Campaign(budget), path));
            cases.Add(new($"campaign replace {label}", "PUT", $"/admin/campaigns/{DemoCatalog.SummerCampaign}", Campaign(budget), path,
                campaignETag));
        }

        foreach (var (label, effect, path) in Effects())
        {
            cases.Add(new($"promotion create {label}", "POST", "/admin/promotions", Promotion(effect), path));
            cases.Add(new($"promotion replace {label}", "PUT", $"/admin/promotions/{DemoPromotions.SummerTenPercent}", Promotion(effect),
                path, promotionETag));
        }

        cases.Add(new("promotion maxRedemptions 1e17", "POST", "/admin/promotions",
            Promotion("""{"type":"percent_off","percent":10}""", $",\"maxRedemptions\":{Huge}"), "$.maxRedemptions"));
        cases.Add(new("promotion perCustomerLimit 1e17", "POST", "/admin/promotions",
            Promotion("""{"type":"percent_off","percent":10}""", $",\"perCustomerLimit\":{Huge}"), "$.perCustomerLimit"));
        foreach (var op in new[] { "gt", "gte" })
        {
            // The largest decimal: the quote's "add … to qualify" gap of a JPY cart overflowed it.
            cases.Add(new($"promotion rule cart.subtotal {op} decimal.MaxValue", "POST", "/admin/promotions",
                Promotion("""{"type":"percent_off","percent":10}""",
                    $$$""","rules":[{"condition":{"fact":"cart.subtotal","op":"{{{op}}}","value":79228162514264337593543950335}}]"""),
                "$.rules[0].condition.value"));
            cases.Add(new($"promotion rule cart.item_count {op} decimal.MaxValue", "POST", "/admin/promotions",
                Promotion("""{"type":"percent_off","percent":10}""",
                    $$$""","rules":[{"condition":{"fact":"cart.item_count","op":"{{{op}}}","value":79228162514264337593543950335}}]"""),
                "$.rules[0].condition.value"));
        }

        cases.Add(new("customer lifetime spend 1e17", "POST", "/admin/customers",
            $$$"""{"email":"rich@example.com","name":"Rich","history":{"lifetimeSpend":{{{Huge}}}}}""", "$.history.lifetimeSpend"));
        return cases;
    }

    private static IEnumerable<(string What, string Url, string Prefix, Func<string, string> Body)> CartEndpoints() =>
    [
        ("validate", "/validate", "$.cart", Validate),
        ("offers", "/offers", "$.cart", cart => $$"""{"channel":"web","cart":{{cart}}}"""),
        ("redeem", "/redemptions", "$.order", cart => Order(cart, "")),
        ("reserve", "/redemptions/reservations", "$.order", cart => Order(cart, ",\"holdSeconds\":60")),
    ];

    private static IEnumerable<(string Label, string Cart, string Path)> Carts() =>
    [
        ("unit price 1e14 × 10,000", Cart("1e14", 10_000), ".lines[0].unitPrice"),
        ("unit price 1e17", Cart(Huge, 1), ".lines[0].unitPrice"),
        ("line total past the bound", Cart("1000000000", 2), ".lines[0].quantity"),
        ("shipping 1e17", Cart("1", 1, shipping: Huge), ".shipping"),
        ("unit price with 3 decimals in EUR", Cart("1.005", 1), ".lines[0].unitPrice"),
        ("currency XXX", Cart("1", 1, currency: "XXX"), ".currency"),
        ("currency of the right shape but unknown", Cart("1", 1, currency: "ABC"), ".currency"),
    ];

    private static IEnumerable<(string Label, string Budget, string Path)> Budgets() =>
    [
        ("budget 1e17", $$"""{"amount":{{Huge}},"currency":"EUR"}""", "$.budget.amount"),
        ("budget past 1e12", """{"amount":1000000000000.01,"currency":"EUR"}""", "$.budget.amount"),
        ("budget with 3 decimals in EUR", """{"amount":10.001,"currency":"EUR"}""", "$.budget.amount"),
        ("budget currency XXX", """{"amount":100,"currency":"XXX"}""", "$.budget.currency"),
    ];

    private static IEnumerable<(string Label, string Effect, string Path)> Effects() =>
    [
        ("amount_off 1e17", $$"""{"type":"amount_off","amount":{{Huge}}}""", "$.effect.amount"),
        ("fixed_price 1e17", """{"type":"fixed_price","quantity":2,"target":{"scope":"items","filter":{"skus":["A"]}},"price":""" + Huge + "}", "$.effect.price"),
        ("percent_off cap 1e17", $$"""{"type":"percent_off","percent":10,"maxDiscount":{{Huge}}}""", "$.effect.maxDiscount"),
        ("free_shipping cap 1e17", $$"""{"type":"free_shipping","maxDiscount":{{Huge}}}""", "$.effect.maxDiscount"),
        ("free_gift value 1e17", $$"""{"type":"free_gift","sku":"GIFT","value":{{Huge}}}""", "$.effect.value"),
        ("free_gift of 1,001 gifts at the price bound", """{"type":"free_gift","sku":"GIFT","quantity":1001,"value":1000000000}""", "$.effect.value"),
        ("tier threshold 1e17", $$"""{"type":"tiered","tiers":[{"threshold":{{Huge}},"percentOff":5}]}""", "$.effect.tiers[0].threshold"),
        ("tier amountOff 1e17", $$"""{"type":"tiered","tiers":[{"threshold":10,"amountOff":{{Huge}}}]}""", "$.effect.tiers[0].amountOff"),
        ("effect currency XXX", """{"type":"amount_off","amount":5,"currency":"XXX"}""", "$.effect.currency"),
    ];

    private static string Cart(string unitPrice, int quantity, string currency = DemoCatalog.Currency, string? shipping = null) =>
        $$"""{"currency":"{{currency}}","lines":[{"lineId":"1","sku":"SKU-MUG","quantity":{{quantity}},"unitPrice":{{unitPrice}}}]{{(shipping is null ? "" : $",\"shipping\":{shipping}")}}}""";

    private static string Validate(string cart) => $$"""{"channel":"web","cart":{{cart}}}""";

    private static string Order(string cart, string extra) =>
        $$"""{"channel":"web","code":"{{DemoPromotions.SummerCode}}","order":{{cart.Insert(1, "\"orderId\":\"order-overflow\",")}}{{extra}}}""";

    private static string Campaign(string budget) => $$"""{"name":"Overflowing","budget":{{budget}}}""";

    private static string Promotion(string effect, string extra = "") =>
        $$"""{"campaignId":"{{DemoCatalog.SummerCampaign}}","name":"Overflowing","kind":"automatic","effect":{{effect}}{{extra}}}""";
}

/// <summary>A request carrying one bad amount, and the JSON path its 400 must name.</summary>
internal sealed record MoneyCase(string Name, string Method, string Url, string Body, string Path, string? IfMatch = null)
{
    public HostileCase ToHostile() => HostileCase.Json(Name, Method, Url, Body, IfMatch);
}
