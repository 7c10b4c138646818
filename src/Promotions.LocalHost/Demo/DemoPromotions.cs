using Promotions.Domain.Codes;
using Promotions.Domain.Customers;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Promotions;

namespace Promotions.LocalHost.Demo;

/// <summary>
/// The demo promotions, one of each common shape (order percent, category percent for a segment, buy-2-get-1,
/// tiered, free shipping, a reusable code, single-use assigned codes), and their codes.
/// </summary>
internal static class DemoPromotions
{
    /// <summary>A reusable code: 20% off carts of 3 items or more, on every channel.</summary>
    public const string SummerCode = "SUMMER20";

    public static readonly string SummerTenPercent = DemoIds.Of("prm", 1);
    public static readonly string VipShoes = DemoIds.Of("prm", 2);
    public static readonly string SocksThreeForTwo = DemoIds.Of("prm", 3);
    public static readonly string SpendMoreSaveMore = DemoIds.Of("prm", 4);
    public static readonly string FreeShipping = DemoIds.Of("prm", 5);
    public static readonly string SummerTwenty = DemoIds.Of("prm", 6);
    public static readonly string WelcomeGift = DemoIds.Of("prm", 7);

    private static readonly string[] Online = [Channels.Web, Channels.MobileApp];

    public static Promotion[] Create(DateTimeOffset since) =>
    [
        Live(SummerTenPercent, DemoCatalog.SummerCampaign, "10% off orders of 50 or more", Online, 10, since,
            """{"type":"percent_off","percent":10,"target":{"scope":"order"}}""",
            """{"fact":"cart.subtotal","op":"gte","value":50}"""),
        Live(VipShoes, DemoCatalog.LoyaltyCampaign, "VIP: 15% off shoes (up to 50)", Channels.All, 20, since,
            """{"type":"percent_off","percent":15,"maxDiscount":50,"target":{"scope":"items","filter":{"categories":["shoes"]}}}""",
            """{"all":[{"fact":"customer.attributes.loyalty.tier","op":"in","value":["gold","platinum"]},{"fact":"cart.categories","op":"contains","value":"shoes"}]}"""),
        Live(SocksThreeForTwo, DemoCatalog.SummerCampaign, "Socks: buy 2, get the cheapest third free", Channels.All, 30, since,
            """{"type":"buy_x_get_y","buy":{"quantity":2,"filter":{"categories":["socks"]}},"get":{"quantity":1,"filter":{"categories":["socks"]},"percentOff":100},"maxApplications":3}""",
            """{"fact":"cart.category_quantity","category":"socks","op":"gte","value":3}"""),
        Live(SpendMoreSaveMore, DemoCatalog.SummerCampaign, "Spend more, save more: 5% from 150, 8% from 300", Online, 5, since,
            """{"type":"tiered","basis":"subtotal","tiers":[{"threshold":150,"percentOff":5},{"threshold":300,"percentOff":8}]}""",
            """{"fact":"cart.currency","op":"eq","value":"EUR"}""") with { Stacking = new Stacking(Group: "summer-order") },
        Live(FreeShipping, DemoCatalog.SummerCampaign, "Free shipping from 75", Online, 1, since,
            """{"type":"free_shipping"}""",
            """{"all":[{"fact":"cart.subtotal","op":"gte","value":75},{"fact":"location.country","op":"in","value":["FR","BE","LU"]}]}"""),
        Live(SummerTwenty, DemoCatalog.SummerCampaign, "SUMMER20: 20% off 3 items or more", Channels.All, 40, since,
            """{"type":"percent_off","percent":20,"maxDiscount":100,"target":{"scope":"order"}}""",
            """{"fact":"cart.item_count","op":"gte","value":3}""") with { Kind = PromotionKind.Code, PerCustomerLimit = 5 },
        Live(WelcomeGift, DemoCatalog.WelcomeCampaign, "Welcome: a free tote bag on your first order", Channels.All, 10, since,
            """{"type":"free_gift","sku":"SKU-TOTE-01","value":12.90}""",
            """{"all":[{"fact":"customer.first_order","op":"eq","value":true},{"fact":"cart.subtotal","op":"gte","value":30}]}""")
            with { Kind = PromotionKind.Code, MaxRedemptions = 1000 },
    ];

    /// <summary>SUMMER20 (reusable) and five single-use welcome codes, the first assigned to the newcomer.</summary>
    public static PromoCode[] Codes() =>
    [
        new(DemoIds.Of("cod", 1), SummerTwenty, SummerCode, 0, 1_000_000, true, null),
        .. Enumerable.Range(1, 5).Select(n => new PromoCode(
            DemoIds.Of("cod", 1 + n), WelcomeGift, $"WELCOME{n:D2}", 0, 1, true, null, n == 1 ? DemoCatalog.Bruno : null)),
    ];

    private static Promotion Live(
        string id, string campaignId, string name, IReadOnlyList<string> channels, int priority, DateTimeOffset since,
        string effect, string condition) =>
        new(id, campaignId, name, null, PromotionKind.Automatic, since, null, LifecycleStatus.Active,
            DemoJson.Parse(effect), [new Rule(id.Replace("prm_", "rul_", StringComparison.Ordinal), id, "eligibility", DemoJson.Parse(condition))],
            channels, priority, Stacking.Default, null, 0, null, since, since);
}
