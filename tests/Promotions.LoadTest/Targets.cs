using Promotions.LoadTest.Redemptions;
using Promotions.LocalHost.Demo;

namespace Promotions.LoadTest;

/// <summary>
/// What the load test drives, in order; the first (<c>ping</c>) is the baseline the others are compared with.
/// </summary>
internal static class Targets
{
    public static IReadOnlyList<LoadTarget> All(RedemptionScenario redemptions, (LoadTarget Measured, LoadTarget WarmUp)? cart) =>
    [
        .. Stateless(),
        redemptions.Roomy.Target,
        redemptions.Capped.Target,
        .. cart is { } seeded ? [seeded.Measured] : Array.Empty<LoadTarget>(),
    ];

    /// <summary>What warms the host before anything is measured: every path the targets take, on promotions of their own.</summary>
    public static IReadOnlyList<LoadTarget> WarmUp(RedemptionScenario redemptions, (LoadTarget Measured, LoadTarget WarmUp)? cart) =>
        [.. Stateless(), .. redemptions.WarmUp.Select(static p => p.Target), .. cart is { } seeded ? [seeded.WarmUp] : Array.Empty<LoadTarget>()];

    private static IReadOnlyList<LoadTarget> Stateless() =>
    [
        LoadTarget.Static("ping", HttpMethod.Get, "/ping"),
        LoadTarget.Static("offers", HttpMethod.Post, "/offers", $$$"""
            {"channel":"web","customerId":"{{{DemoCatalog.Alice}}}","cart":{"currency":"EUR","lines":[
              {"lineId":"1","sku":"SKU-SNEAKER-42","category":"shoes","quantity":1,"unitPrice":89.90},
              {"lineId":"2","sku":"SKU-SOCKS-3P","category":"socks","quantity":3,"unitPrice":9.50}]}}
            """),
        LoadTarget.Static("validate", HttpMethod.Post, "/validate", $$$"""
            {"channel":"web","customerId":"{{{DemoCatalog.Alice}}}","codes":["{{{DemoPromotions.SummerCode}}}"],"cart":{"currency":"EUR","shipping":4.90,"lines":[
              {"lineId":"1","sku":"SKU-SNEAKER-42","category":"shoes","quantity":1,"unitPrice":89.90},
              {"lineId":"2","sku":"SKU-SOCKS-3P","category":"socks","quantity":3,"unitPrice":9.50},
              {"lineId":"3","sku":"SKU-TOTE-01","category":"bags","quantity":1,"unitPrice":24.00},
              {"lineId":"4","sku":"SKU-CAP-RED","category":"hats","quantity":2,"unitPrice":15.00},
              {"lineId":"5","sku":"SKU-GIFTCARD-50","category":"gift_cards","quantity":1,"unitPrice":50.00,"nonDiscountable":true}]}}
            """),
    ];

    /// <summary>The targets <paramref name="names"/> asks for (null: all), the baseline always first.</summary>
    public static IReadOnlyList<LoadTarget>? Select(IReadOnlyList<LoadTarget> all, IReadOnlyList<string>? names, TextWriter errors)
    {
        if (names is null)
        {
            return all;
        }

        var unknown = names.Where(n => all.All(t => t.Key != n)).ToArray();
        if (unknown.Length > 0)
        {
            errors.WriteLine($"Unknown target(s) {string.Join(", ", unknown)}; choose from {string.Join(", ", all.Select(t => t.Key))}.");
            return null;
        }

        return [all[0], .. all.Skip(1).Where(t => names.Contains(t.Key))];
    }
}
