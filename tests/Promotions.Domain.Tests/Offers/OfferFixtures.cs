using System.Text.Json;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Carts;
using Promotions.Domain.Customers;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Offers;
using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;

namespace Promotions.Domain.Tests.Offers;

/// <summary>Builders for live promotions over in-memory records; JSON may use single quotes.</summary>
internal static class OfferFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);

    public static JsonElement Json(string json) => JsonDocument.Parse(json.Replace('\'', '"')).RootElement.Clone();

    public static Campaign Campaign(LifecycleStatus status = LifecycleStatus.Active, Budget? budget = null) =>
        new("cmp_1", "Spring", null, null, null, status, null, budget, null, null, Now, Now);

    public static Promotion Promotion(
        string id = "prm_1",
        string effect = "{'type':'percent_off','percent':10,'target':{'scope':'order'}}",
        string[]? rules = null,
        string[]? channels = null,
        int priority = 0,
        PromotionKind kind = PromotionKind.Automatic,
        LifecycleStatus status = LifecycleStatus.Active) =>
        new(id, "cmp_1", "Promotion " + id, null, kind, null, null, status, Json(effect),
            (rules ?? []).Select((r, i) => new Rule($"rul_{i}", id, "eligibility", Json(r), i)).ToArray(),
            channels ?? [Channels.Web], priority, Stacking.Default, null, 0, null, Now, Now);

    public static LivePromotion Live(Promotion promotion, Campaign? campaign = null)
    {
        var compiled = PromotionCompiler.Compile(promotion);
        Assert.True(compiled.IsSuccess, string.Join("; ", compiled.Errors.Select(e => $"{e.Code} {e.Path}")));
        return new LivePromotion(promotion, campaign ?? Campaign(), compiled.Value);
    }

    public static Cart Cart(decimal unitPrice, int quantity = 1, string sku = "SKU-1", string? category = null) =>
        new("EUR", [new CartLine("l1", sku, category, quantity, unitPrice)]);

    /// <summary>A stored customer, as a rule sees them.</summary>
    public static CustomerProfile Known { get; } = CustomerProfile.Anonymous with { Id = "cus_1" };

    /// <summary>Ledger counters of promotion prm_1, of customer cus_1 for it, and of campaign cmp_1's budget.</summary>
    public static UsageCounts Usage(long promotion, long customer, decimal spent) => new(
        new Dictionary<string, long> { ["prm_1"] = promotion },
        new Dictionary<string, long> { ["prm_1"] = customer },
        new Dictionary<string, decimal> { ["cmp_1"] = spent });

    public static EligibilityRequest Request(
        Cart? cart = null, string channel = Channels.Web, CustomerProfile? customer = null, UsageCounts? usage = null) =>
        new(customer ?? CustomerProfile.Anonymous, cart, channel, Now) { Usage = usage };
}
