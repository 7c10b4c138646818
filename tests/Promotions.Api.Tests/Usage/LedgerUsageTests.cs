using System.Net;
using System.Text.Json;
using Promotions.Api.Tests.Admin;
using Promotions.Api.Tests.Offers;
using Promotions.Api.Tests.Redemption;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Offers;
using Promotions.Domain.Promotions;

namespace Promotions.Api.Tests.Usage;

/// <summary>
/// Offers, quotes and code lookups judge caps, budgets and per-customer limits by the ledger's counters, after
/// real redemptions over HTTP, with the same reason codes the redemption refuses with.
/// </summary>
public sealed class LedgerUsageTests : IDisposable
{
    private const string TenOff = "{'type':'amount_off','amount':10,'target':{'scope':'order'}}";
    private const string Cart = "'cart':{'currency':'EUR','lines':[{'lineId':'a','sku':'SKU-A','quantity':2,'unitPrice':30},{'lineId':'b','sku':'SKU-B','quantity':1,'unitPrice':40}]}";

    private readonly UsageHost _host = new();
    private readonly HttpClient _checkout;
    private int _orders;

    public LedgerUsageTests() => _checkout = _host.Checkout();

    public void Dispose()
    {
        _checkout.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task OffersValidateAndLookup_AfterRedemptionsReachTheCap_SayPromotionExhausted()
    {
        var campaign = await _host.Seed.CampaignAsync();
        var automatic = await _host.Seed.PromotionAsync(campaign, "Ten off, three times", TenOff, maxRedemptions: 3);
        var coded = await _host.Seed.PromotionAsync(campaign, "Code, twice", TenOff, kind: PromotionKind.Code, maxRedemptions: 2);
        await _host.Seed.CodeAsync(coded, "TWICEONLY", maxUses: 100);
        _host.LetCachesExpire();
        Assert.Contains(automatic.Id, (await OffersAsync(null)).GetProperty("items").Strings("id"));
        Assert.Equal(new[] { automatic.Id, coded.Id }.Order(StringComparer.Ordinal),
            (await ValidateAsync(null, "TWICEONLY")).GetProperty("applied").Strings("promotionId").Order(StringComparer.Ordinal));

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(promotionId: automatic.Id)).Status);
        }

        // A code redemption redeems the whole cart: once the counters show the automatic promotion used up, the
        // quote leaves it out and the code is redeemed alone.
        _host.LetCachesExpire();
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(code: "TWICEONLY")).Status);
        }

        _host.LetCachesExpire();
        var offers = await OffersAsync(null);
        var quote = await ValidateAsync(null, "TWICEONLY");
        var lookup = await _checkout.GetJsonAsync("/offers/codes/TWICEONLY");

        Assert.DoesNotContain(automatic.Id, offers.GetProperty("items").Strings("id"));
        Assert.Equal("promotion_exhausted", ReasonOf(offers.GetProperty("notEligible"), "id", automatic.Id));
        Assert.Empty(quote.GetProperty("applied").EnumerateArray());
        Assert.Equal(0m, quote.GetProperty("discount").GetDecimal());
        Assert.Equal("promotion_exhausted", ReasonOf(quote.GetProperty("notApplied"), "promotionId", automatic.Id));
        var codeRejection = quote.GetProperty("notApplied").EnumerateArray().Single(r => r.GetProperty("promotionId").GetString() == coded.Id);
        Assert.Equal(("TWICEONLY", "promotion_exhausted"), (codeRejection.GetProperty("code").GetString(), codeRejection.GetProperty("reason").GetString()));
        Assert.Equal(("exhausted", "promotion_exhausted"), (lookup.GetProperty("status").GetString(), lookup.GetProperty("reason").GetString()));
        Assert.Equal((HttpStatusCode.Conflict, "promotion_exhausted"), await RedeemAsync(promotionId: automatic.Id));
    }

    [Fact]
    public async Task Validate_WhenTheRemainingBudgetCannotCoverTheDiscount_SaysBudgetExhaustedAndTheNextDealApplies()
    {
        var budgeted = await _host.Seed.CampaignAsync(budget: new Budget(25m, "EUR"));
        var open = await _host.Seed.CampaignAsync();
        var tenOff = await _host.Seed.PromotionAsync(budgeted, "Ten off", TenOff, priority: 10, stackingGroup: "order");
        var fourOff = await _host.Seed.PromotionAsync(open, "Four off", "{'type':'amount_off','amount':4,'target':{'scope':'order'}}",
            priority: 1, stackingGroup: "order");
        _host.LetCachesExpire();
        var before = await ValidateAsync(null);
        Assert.Equal([tenOff.Id], before.GetProperty("applied").Strings("promotionId"));
        Assert.Equal("lost_to_better_in_group", ReasonOf(before.GetProperty("notApplied"), "promotionId", fourOff.Id));

        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(promotionId: tenOff.Id)).Status);
        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(promotionId: tenOff.Id)).Status);
        _host.LetCachesExpire();
        var quote = await ValidateAsync(null);
        var withCart = await OffersAsync(null, Cart);
        var withoutCart = await OffersAsync(null);

        // 5.00 of 25.00 remains: the 10.00 discount would be refused whole, so the four off takes its place.
        Assert.Equal([fourOff.Id], quote.GetProperty("applied").Strings("promotionId"));
        Assert.Equal(4m, quote.GetProperty("discount").GetDecimal());
        Assert.Equal("budget_exhausted", ReasonOf(quote.GetProperty("notApplied"), "promotionId", tenOff.Id));
        Assert.Equal("budget_exhausted", ReasonOf(withCart.GetProperty("notEligible"), "id", tenOff.Id));
        Assert.Contains(tenOff.Id, withoutCart.GetProperty("items").Strings("id"));
        Assert.Equal((HttpStatusCode.Conflict, "budget_exhausted"), await RedeemAsync(promotionId: tenOff.Id));
    }

    [Fact]
    public async Task OffersAndValidate_WhenTheCustomerReachedTheLimit_SayCustomerLimitReachedForThatCustomerOnly()
    {
        var campaign = await _host.Seed.CampaignAsync();
        var twice = await _host.Seed.PromotionAsync(campaign, "Twice per customer", TenOff, perCustomerLimit: 2);
        var regular = await _host.Seed.CustomerAsync();
        var newcomer = await _host.Seed.CustomerAsync();
        _host.LetCachesExpire();

        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(promotionId: twice.Id, customerId: regular.Id)).Status);
        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(promotionId: twice.Id, customerId: regular.Id)).Status);
        // A customer's own counters are read fresh for every request: no cache to wait for.
        var regularOffers = await OffersAsync(regular.Id);
        var regularQuote = await ValidateAsync(regular.Id);
        var newcomerOffers = await OffersAsync(newcomer.Id);
        var newcomerQuote = await ValidateAsync(newcomer.Id);

        Assert.Equal("customer_limit_reached", ReasonOf(regularOffers.GetProperty("notEligible"), "id", twice.Id));
        Assert.DoesNotContain(twice.Id, regularOffers.GetProperty("items").Strings("id"));
        Assert.Equal("customer_limit_reached", ReasonOf(regularQuote.GetProperty("notApplied"), "promotionId", twice.Id));
        Assert.Contains(twice.Id, newcomerOffers.GetProperty("items").Strings("id"));
        Assert.Equal([twice.Id], newcomerQuote.GetProperty("applied").Strings("promotionId"));
        Assert.Equal((HttpStatusCode.Conflict, "customer_limit_reached"), await RedeemAsync(promotionId: twice.Id, customerId: regular.Id));
    }

    [Fact]
    public async Task ValidateAndRedeem_WhenTheDailyCapIsReached_SayPeriodLimitReachedUntilTheNextDay()
    {
        var campaign = await _host.Seed.CampaignAsync();
        var daily = await _host.Seed.PromotionAsync(campaign, "Twice a day", TenOff, periodLimits: [new PeriodLimit(LimitPeriod.Day, 2)]);
        var onceAWeek = await _host.Seed.PromotionAsync(campaign, "Once a week each", TenOff, stackingGroup: "weekly",
            periodLimits: [new PeriodLimit(LimitPeriod.Week, 1, PerCustomer: true)]);
        var regular = await _host.Seed.CustomerAsync();
        _host.LetCachesExpire();
        Assert.Equal("customer_required", ReasonOf((await ValidateAsync(null)).GetProperty("notApplied"), "promotionId", onceAWeek.Id));

        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(promotionId: daily.Id, customerId: regular.Id)).Status);
        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(promotionId: daily.Id)).Status);
        _host.LetCachesExpire();
        var quote = await ValidateAsync(regular.Id);
        var refused = await RedeemAsync(promotionId: daily.Id);
        _host.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = await ValidateAsync(regular.Id);

        Assert.Equal("period_limit_reached", ReasonOf(quote.GetProperty("notApplied"), "promotionId", daily.Id));
        Assert.Equal("customer_period_limit_reached", ReasonOf(quote.GetProperty("notApplied"), "promotionId", onceAWeek.Id));
        Assert.Equal((HttpStatusCode.Conflict, "period_limit_reached"), refused);
        Assert.Contains(daily.Id, nextDay.GetProperty("applied").Strings("promotionId"));
        Assert.Equal("customer_period_limit_reached", ReasonOf(nextDay.GetProperty("notApplied"), "promotionId", onceAWeek.Id));
    }

    [Fact]
    public async Task Offers_LagTheLedgerOnACapByAtMostTheUsageInterval()
    {
        var campaign = await _host.Seed.CampaignAsync();
        var once = await _host.Seed.PromotionAsync(campaign, "Once", TenOff, maxRedemptions: 1);
        _host.LetCachesExpire();
        Assert.Contains(once.Id, (await OffersAsync(null)).GetProperty("items").Strings("id"));

        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(promotionId: once.Id)).Status);
        var within = await OffersAsync(null);
        _host.Clock.Advance(UsageCache.DefaultRefreshInterval);
        var after = await OffersAsync(null);

        // Advisory within the interval (the ledger refuses the next redemption at once), exhausted after it.
        Assert.Contains(once.Id, within.GetProperty("items").Strings("id"));
        Assert.Equal((HttpStatusCode.Conflict, "promotion_exhausted"), await RedeemAsync(promotionId: once.Id));
        Assert.DoesNotContain(once.Id, after.GetProperty("items").Strings("id"));
        Assert.Equal("promotion_exhausted", ReasonOf(after.GetProperty("notEligible"), "id", once.Id));
    }

    [Fact]
    public async Task Validate_WhenTheBudgetIsInAnotherCurrencyThanTheCart_SaysSoAndTheRedemptionIsRefusedTheSame()
    {
        var dollars = await _host.Seed.CampaignAsync(budget: new Budget(100m, "USD"));
        var euros = await _host.Seed.CampaignAsync(budget: new Budget(100m, "EUR"));
        var inDollars = await _host.Seed.PromotionAsync(dollars, "Ten off, dollar budget", TenOff);
        var inEuros = await _host.Seed.PromotionAsync(euros, "Ten off, euro budget", TenOff);
        _host.LetCachesExpire();

        var quote = await ValidateAsync(null);

        Assert.Equal([inEuros.Id], quote.GetProperty("applied").Strings("promotionId"));
        Assert.Equal("budget_currency_mismatch", ReasonOf(quote.GetProperty("notApplied"), "promotionId", inDollars.Id));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "budget_currency_mismatch"), await RedeemAsync(promotionId: inDollars.Id));
    }

    [Fact]
    public async Task BudgetCurrency_ChangesUntilTheLedgerRecordsSpendingAndIsLockedAfter()
    {
        using var admin = _host.Admin();
        var unspent = await _host.Seed.CampaignAsync(budget: new Budget(100m, "EUR"));
        var spent = await _host.Seed.CampaignAsync(budget: new Budget(100m, "EUR"));
        var promotion = await _host.Seed.PromotionAsync(spent, "Ten off", TenOff);
        _host.LetCachesExpire();
        Assert.Equal(HttpStatusCode.Created, (await RedeemAsync(promotionId: promotion.Id)).Status);

        var changed = await ChangeBudgetCurrencyAsync(admin, unspent.Id, "USD");
        var locked = await ChangeBudgetCurrencyAsync(admin, spent.Id, "USD");
        var sameCurrency = await ChangeBudgetCurrencyAsync(admin, spent.Id, "EUR");

        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal("USD", changed.Body.GetProperty("budget").GetProperty("currency").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, locked.Status);
        Assert.Equal([("currency_locked", "$.budget.currency")], locked.Body.Errors());
        Assert.Equal(HttpStatusCode.OK, sameCurrency.Status);
        Assert.Equal(250m, sameCurrency.Body.GetProperty("budget").GetProperty("amount").GetDecimal());
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ChangeBudgetCurrencyAsync(HttpClient admin, string campaignId, string currency)
    {
        using var read = await admin.GetAsync(new Uri($"/admin/campaigns/{campaignId}", UriKind.Relative));
        var current = await read.Expect(HttpStatusCode.OK);
        var body = new { name = current.GetProperty("name").GetString(), budget = new { amount = 250m, currency } };
        using var response = await admin.PutJson($"/admin/campaigns/{campaignId}", body, read.Headers.ETag!.ToString());
        return (response.StatusCode, await response.ReadJson());
    }

    private Task<JsonElement> OffersAsync(string? customerId, string? cart = null) =>
        _checkout.PostJsonAsync("/offers", $"{{'channel':'web','explain':true{Customer(customerId)}{(cart is null ? "" : "," + cart)}}}");

    private Task<JsonElement> ValidateAsync(string? customerId, params string[] codes) =>
        _checkout.PostJsonAsync("/validate",
            $"{{'channel':'web','explain':true{Customer(customerId)},'codes':[{string.Join(",", codes.Select(c => $"'{c}'"))}],{Cart}}}");

    private async Task<(HttpStatusCode Status, string? Code)> RedeemAsync(string? promotionId = null, string? code = null, string? customerId = null)
    {
        var order = Interlocked.Increment(ref _orders);
        var body = RedemptionApiFixture.Order(new Seeded("", promotionId ?? "", []), code, customerId, $"order-{order}");
        using var response = await RedemptionApiFixture.PostAsync(_checkout, "/redemptions", body, $"usage-{order}");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.TryGetProperty("code", out var c) && response.StatusCode >= HttpStatusCode.BadRequest ? c.GetString() : null);
    }

    private static string Customer(string? customerId) => customerId is null ? "" : $",'customerId':'{customerId}'";

    private static string? ReasonOf(JsonElement entries, string idProperty, string id) =>
        entries.EnumerateArray().Single(e => e.GetProperty(idProperty).GetString() == id).GetProperty("reason").GetString();
}
