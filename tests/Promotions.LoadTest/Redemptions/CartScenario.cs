using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Common;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Offers;
using Promotions.Domain.Ports;
using Promotions.Domain.Promotions;
using Promotions.Benchmarks.Quotes;
using Promotions.LocalHost.Demo;

namespace Promotions.LoadTest.Redemptions;

/// <summary>
/// <c>redeem-cart</c>: the checkout of the quote benchmark's 20-line cart against its 200 promotions (<see cref="QuoteWorkload"/>,
/// docs/benchmarks.md), some exclusive and some sharing a stacking group, with rules on the cart;
/// each redemption quotes the cart and records the stack it applies (the most one order records) in one step. The
/// promotions have no caps and a roomy budget, so every request is redeemed; they apply only to carts with this run's
/// SKU, sold in store, whose categories no promotion of the demo catalog targets.
/// </summary>
internal static class CartScenario
{
    public const int PromotionCount = QuoteWorkload.PromotionCount;

    // Categories of their own: the demo catalog's in-store promotions (VIP shoes, socks 3 for 2) must not join the stack.
    private static readonly string[] Categories = ["load-shoes", "load-shirts", "load-socks", "load-hats", "load-bags"];

    public static async Task<(LoadTarget Measured, LoadTarget WarmUp)> SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var run = Guid.NewGuid().ToString("N")[..8];
        var sku = $"SKU-CART-{run}".ToUpperInvariant();
        var now = clock.GetUtcNow();
        var campaign = new Campaign(Ids.New("cmp", clock), "load cart", null, null, null, LifecycleStatus.Active, null,
            new Budget(1_000_000_000m, "EUR"), null, null, now, now);
        await services.GetRequiredService<ICampaignStore>().CreateAsync(campaign, ct);
        var promotions = services.GetRequiredService<IPromotionStore>();
        var ids = new List<string>();
        for (var i = 0; i < PromotionCount; i++)
        {
            var id = Ids.New("prm", clock);
            using var effect = JsonDocument.Parse(QuoteWorkload.Effect(i, Categories));
            using var rule = JsonDocument.Parse(string.Create(CultureInfo.InvariantCulture,
                $$"""{"all":[{"fact":"cart.skus","op":"contains","value":"{{sku}}"},{"fact":"cart.subtotal","op":"gte","value":{{(i % 8) * 25}}}]}"""));
            var promotion = new Promotion(id, campaign.Id, $"load cart {i}", null, PromotionKind.Automatic, null, null, LifecycleStatus.Active,
                effect.RootElement.Clone(), [new Rule("rul_" + id[4..], id, "eligibility", rule.RootElement.Clone())], [],
                QuoteWorkload.PriorityOf(i), QuoteWorkload.StackingOf(i), null, 0, null, now, now);
            await promotions.CreateAsync(promotion, CatalogEvents.PromotionWritten(null, promotion, clock), ct);
            ids.Add(id);
        }

        await WaitUntilLiveAsync(services.GetRequiredService<LiveCatalog>(), ids, ct);
        return (Target("redeem-cart", "POST /redemptions (20 lines, 200 promotions)", $"load-{run}-cart-", sku),
            Target("warm-cart", "warm-up: 20 lines, 200 promotions", $"load-{run}-warm-cart-", sku));
    }

    private static LoadTarget Target(string key, string name, string prefix, string sku)
    {
        var lines = string.Join(",", QuoteWorkload.Cart.Lines.Select((l, i) => string.Create(CultureInfo.InvariantCulture,
            $$"""{"lineId":"{{l.LineId}}","sku":"{{(i == 0 ? sku : l.Sku)}}","category":"load-{{l.Category}}","quantity":{{l.Quantity}},"unitPrice":{{l.UnitPrice}},"nonDiscountable":{{Json(l.NonDiscountable)}},"alreadyDiscounted":{{Json(l.AlreadyDiscounted)}}}""")));
        return new LoadTarget(name, HttpMethod.Post, "/redemptions", n => string.Create(CultureInfo.InvariantCulture, $$"""
            {"order":{"orderId":"{{prefix}}{{n}}","currency":"EUR","shipping":4.90,"lines":[{{lines}}]},"channel":"in_store","customerId":"{{DemoCatalog.Alice}}"}
            """), prefix, HttpStatusCode.Created) { Key = key };
    }

    private static string Json(bool value) => value ? "true" : "false";

    // The live catalog refreshes once a second; the first request must already see the new promotions.
    private static async Task WaitUntilLiveAsync(LiveCatalog catalog, List<string> ids, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (ids.All((await catalog.GetAsync(ct)).ById.ContainsKey))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }

        throw new InvalidOperationException("The load-test cart promotions did not go live within 10 s.");
    }
}
