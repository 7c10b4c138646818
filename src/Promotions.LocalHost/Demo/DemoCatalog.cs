using Promotions.Domain.Campaigns;
using Promotions.Domain.Customers;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Segments;

namespace Promotions.LocalHost.Demo;

/// <summary>
/// A small, believable catalog for a first run: three campaign types, three segments with criteria, three
/// customers with attributes and history, three live campaigns, and (in <see cref="DemoPromotions"/>)
/// automatic and code promotions with codes.
/// </summary>
internal static class DemoCatalog
{
    public const string Currency = "EUR";

    /// <summary>A gold-tier regular in Paris: qualifies for the loyalty offers.</summary>
    public static readonly string Alice = DemoIds.Of("cus", 1);

    /// <summary>A newcomer with no orders yet: qualifies for the welcome offer.</summary>
    public static readonly string Bruno = DemoIds.Of("cus", 2);

    /// <summary>A silver-tier customer in Lyon.</summary>
    public static readonly string Chloe = DemoIds.Of("cus", 3);

    public static readonly string Seasonal = DemoIds.Of("ctp", 1);
    public static readonly string Loyalty = DemoIds.Of("ctp", 2);
    public static readonly string Welcome = DemoIds.Of("ctp", 3);

    public static readonly string VipSegment = DemoIds.Of("seg", 1);
    public static readonly string BigSpendersSegment = DemoIds.Of("seg", 2);
    public static readonly string NewcomersSegment = DemoIds.Of("seg", 3);

    public static readonly string SummerCampaign = DemoIds.Of("cmp", 1);
    public static readonly string LoyaltyCampaign = DemoIds.Of("cmp", 2);
    public static readonly string WelcomeCampaign = DemoIds.Of("cmp", 3);

    /// <summary>Everything to seed, dated relative to <paramref name="now"/>.</summary>
    public static DemoData Create(DateTimeOffset now)
    {
        var since = new DateTimeOffset(now.UtcDateTime.Date.AddDays(-1), TimeSpan.Zero);
        return new DemoData(CampaignTypes(), Segments(), Customers(now), Campaigns(since), DemoPromotions.Create(since), DemoPromotions.Codes());
    }

    private static CampaignType[] CampaignTypes() =>
    [
        new(Seasonal, "Seasonal", "Sales tied to a season or an event."),
        new(Loyalty, "Loyalty", "Rewards for regular customers."),
        new(Welcome, "Welcome", "First-order offers for new customers."),
    ];

    private static Segment[] Segments() =>
    [
        new(VipSegment, "VIP", "Gold and platinum loyalty members.",
            DemoJson.Parse("""{"fact":"customer.attributes.loyalty.tier","op":"in","value":["gold","platinum"]}""")),
        new(BigSpendersSegment, "Big spenders", "Customers who spent 500 or more in total.",
            DemoJson.Parse("""{"fact":"history.lifetime_spend","op":"gte","value":500}""")),
        new(NewcomersSegment, "Newcomers", "Customers who have not ordered yet.",
            DemoJson.Parse("""{"fact":"customer.first_order","op":"eq","value":true}""")),
    ];

    private static Customer[] Customers(DateTimeOffset now) =>
    [
        new(Alice, "alice@example.com", "Alice Martin",
            DemoJson.Parse("""{"loyalty":{"tier":"gold","points":2450},"newsletter":true,"favoriteCategories":["shoes","bags"]}"""),
            [VipSegment, BigSpendersSegment], now.AddDays(-400), now.AddDays(-2),
            new PurchaseHistory(14, 1280.50m, now.AddDays(-12),
            [
                new PurchasedItem("SKU-SNEAKER-42", "shoes", now.AddDays(-12)),
                new PurchasedItem("SKU-TOTE-01", "bags", now.AddDays(-45)),
            ]),
            new Location("FR", "Ile-de-France", "Paris", "75011")),
        new(Bruno, "bruno@example.com", "Bruno Petit",
            DemoJson.Parse("""{"loyalty":{"tier":"none","points":0},"newsletter":false}"""),
            [NewcomersSegment], now.AddDays(-3), now.AddDays(-1), PurchaseHistory.None,
            new Location("FR", "Occitanie", "Toulouse", "31000")),
        new(Chloe, "chloe@example.com", "Chloé Durand",
            DemoJson.Parse("""{"loyalty":{"tier":"silver","points":610},"newsletter":true}"""),
            [], now.AddDays(-200), now.AddDays(-20),
            new PurchaseHistory(3, 240m, now.AddDays(-60), [new PurchasedItem("SKU-SOCKS-3P", "socks", now.AddDays(-60))]),
            new Location("FR", "Auvergne-Rhone-Alpes", "Lyon", "69002")),
    ];

    private static Campaign[] Campaigns(DateTimeOffset since) =>
    [
        new(SummerCampaign, "Summer sale", "Site-wide summer discounts and the SUMMER20 code.", since, null,
            LifecycleStatus.Active, "marketing@example.com", new Budget(20_000m, Currency), null, Seasonal, since, since),
        new(LoyaltyCampaign, "Loyalty rewards", "Extra savings for VIP members.", since, null,
            LifecycleStatus.Active, "crm@example.com", new Budget(5_000m, Currency), VipSegment, Loyalty, since, since),
        new(WelcomeCampaign, "Welcome", "A first-order gift for newcomers.", since, null,
            LifecycleStatus.Active, "crm@example.com", new Budget(2_000m, Currency), NewcomersSegment, Welcome, since, since),
    ];
}
