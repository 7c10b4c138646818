using Promotions.LocalHost.Demo;

namespace Promotions.LoadTest;

/// <summary>
/// What the load test drives, in order; the first is the baseline the others are compared with. A new
/// target (e.g. redemption) is one more entry here.
/// </summary>
internal static class Targets
{
    public static IReadOnlyList<LoadTarget> All { get; } =
    [
        new("GET /ping", HttpMethod.Get, "/ping"),
        new("POST /offers", HttpMethod.Post, "/offers", $$$"""
            {"channel":"web","customerId":"{{{DemoCatalog.Alice}}}","cart":{"currency":"EUR","lines":[
              {"lineId":"1","sku":"SKU-SNEAKER-42","category":"shoes","quantity":1,"unitPrice":89.90},
              {"lineId":"2","sku":"SKU-SOCKS-3P","category":"socks","quantity":3,"unitPrice":9.50}]}}
            """),
        new("POST /validate", HttpMethod.Post, "/validate", $$$"""
            {"channel":"web","customerId":"{{{DemoCatalog.Alice}}}","codes":["{{{DemoPromotions.SummerCode}}}"],"cart":{"currency":"EUR","shipping":4.90,"lines":[
              {"lineId":"1","sku":"SKU-SNEAKER-42","category":"shoes","quantity":1,"unitPrice":89.90},
              {"lineId":"2","sku":"SKU-SOCKS-3P","category":"socks","quantity":3,"unitPrice":9.50},
              {"lineId":"3","sku":"SKU-TOTE-01","category":"bags","quantity":1,"unitPrice":24.00},
              {"lineId":"4","sku":"SKU-CAP-RED","category":"hats","quantity":2,"unitPrice":15.00},
              {"lineId":"5","sku":"SKU-GIFTCARD-50","category":"gift_cards","quantity":1,"unitPrice":50.00,"nonDiscountable":true}]}}
            """),
    ];
}
