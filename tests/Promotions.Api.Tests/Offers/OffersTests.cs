using System.Net;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.Domain.Offers;
using Promotions.Domain.Promotions;
using Promotions.Domain.Redemptions;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Offers;

public sealed class OffersTests : PromotionApiTest
{
    [Fact]
    public async Task Post_WithExplain_ReturnsEachDecisionWithActualAndExpectedValues()
    {
        var campaign = await Seed.CampaignAsync();
        var gold = await Seed.PromotionAsync(campaign, "Gold perk", rules: ["{'fact':'customer.attributes.tier','op':'eq','value':'gold'}"]);
        var loyal = await Seed.PromotionAsync(campaign, "Loyal", rules: ["{'fact':'history.order_count','op':'gte','value':5}"]);
        var big = await Seed.PromotionAsync(campaign, "Big basket", rules: ["{'fact':'cart.subtotal','op':'gte','value':50}"]);
        var customer = await Seed.CustomerAsync("{'tier':'gold'}", orders: 1);

        var offers = await Channel.PostJsonAsync("/offers", $"{{'customerId':'{customer.Id}','channel':'web','explain':true}}");

        var item = Assert.Single(offers.GetProperty("items").EnumerateArray());
        Assert.Equal(gold.Id, item.GetProperty("id").GetString());
        Assert.Equal("10% off the order", item.GetProperty("effect").GetProperty("summary").GetString());
        var explained = Assert.Single(item.GetProperty("explanation").EnumerateArray());
        Assert.Equal(("\"gold\"", "\"gold\"", true), (explained.GetProperty("actual").GetString(), explained.GetProperty("expected").GetString(),
            explained.GetProperty("passed").GetBoolean()));

        var needsCart = Assert.Single(offers.GetProperty("needsCart").EnumerateArray());
        Assert.Equal((big.Id, "needs_cart"), (needsCart.GetProperty("id").GetString(), needsCart.GetProperty("reason").GetString()));

        var notEligible = Assert.Single(offers.GetProperty("notEligible").EnumerateArray());
        Assert.Equal((loyal.Id, "not_eligible"), (notEligible.GetProperty("id").GetString(), notEligible.GetProperty("reason").GetString()));
        var failed = Assert.Single(notEligible.GetProperty("failedConditions").EnumerateArray());
        Assert.Equal(("history.order_count", "gte", "5", "1"), (failed.GetProperty("fact").GetString(), failed.GetProperty("operator").GetString(),
            failed.GetProperty("expected").GetString(), failed.GetProperty("actual").GetString()));
    }

    [Fact]
    public async Task Get_WithoutExplain_ListsOnlyThisChannelsEligibleOffers()
    {
        var campaign = await Seed.CampaignAsync();
        var web = await Seed.PromotionAsync(campaign, "Web only");
        var app = await Seed.PromotionAsync(campaign, "App only", channels: ["mobile_app"]);
        await Seed.PromotionAsync(campaign, "Members", rules: ["{'fact':'customer.segments','op':'contains','value':'members'}"]);

        var onWeb = await Channel.GetJsonAsync("/offers?channel=web");
        var onApp = await Channel.GetJsonAsync("/offers?channel=mobile_app");

        Assert.Equal([web.Id], onWeb.GetProperty("items").Strings("id"));
        Assert.Equal([app.Id], onApp.GetProperty("items").Strings("id"));
        Assert.False(onWeb.TryGetProperty("notEligible", out _));
    }

    [Fact]
    public async Task Post_WhenCampaignPaused_PromotionDisappearsAfterTheCacheWindow()
    {
        var campaign = await Seed.CampaignAsync();
        var promotion = await Seed.PromotionAsync(campaign, "Spring");
        Assert.Equal([promotion.Id], (await Channel.GetJsonAsync("/offers?channel=web")).GetProperty("items").Strings("id"));

        var paused = campaign with { Status = LifecycleStatus.Paused };
        Assert.Equal(WriteStatus.Written, (await Seed.Port<ICampaignStore>().UpdateAsync(paused, campaign.Version, CancellationToken.None)).Status);
        var cached = await Channel.GetJsonAsync("/offers?channel=web");
        Host.Clock.Advance(TimeSpan.FromSeconds(2));
        var refreshed = await Channel.GetJsonAsync("/offers?channel=web");

        Assert.Equal([promotion.Id], cached.GetProperty("items").Strings("id"));
        Assert.Empty(refreshed.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Get_WhenTheLedgerSpentTheBudget_PromotionIsNotOfferedAndExplainedAsBudgetExhausted()
    {
        var campaign = await Seed.CampaignAsync(budget: new Budget(100m, "EUR"));
        var promotion = await Seed.PromotionAsync(campaign, "Spent");
        var now = Host.Clock.GetUtcNow();
        var redemption = new Domain.Redemptions.Redemption("rdm_spent", promotion.Id, null, null, "web", now, "order-1", 100m, 100m, "EUR",
            [new LineAllocation("1", 100m)], RedemptionStatus.Confirmed) { CampaignId = campaign.Id, Lines = [new RedeemedLine("1", 1, 100m)] };
        var limits = new RedemptionLimits(BudgetAmount: 100m, BudgetCurrency: "EUR");
        Assert.True((await Seed.Port<IRedemptionLedger>().RedeemAsync(new RedeemCommand(redemption, limits), null, default)).IsSuccess);
        Host.Clock.Advance(UsageCache.DefaultRefreshInterval);

        var offers = await Channel.GetJsonAsync("/offers?channel=web&explain=true");

        Assert.Empty(offers.GetProperty("items").EnumerateArray());
        var refused = Assert.Single(offers.GetProperty("notEligible").EnumerateArray());
        Assert.Equal((promotion.Id, "budget_exhausted"), (refused.GetProperty("id").GetString(), refused.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Post_WithCart_RanksByPriorityThenEstimatedDiscount()
    {
        var campaign = await Seed.CampaignAsync();
        var small = await Seed.PromotionAsync(campaign, "Five off", "{'type':'amount_off','amount':5}");
        var large = await Seed.PromotionAsync(campaign, "Twenty off", "{'type':'amount_off','amount':20}");
        var urgent = await Seed.PromotionAsync(campaign, "Priority", "{'type':'amount_off','amount':1}", priority: 9);

        var offers = await Channel.PostJsonAsync("/offers",
            "{'channel':'web','cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':2,'unitPrice':50}]}}");

        var items = offers.GetProperty("items");
        Assert.Equal([urgent.Id, large.Id, small.Id], items.Strings("id"));
        Assert.Equal(20m, items[1].GetProperty("estimatedDiscount").GetDecimal());
    }

    [Fact]
    public async Task Post_WhenCustomerMatchesSegmentCriteria_GetsSegmentPromotion()
    {
        var campaign = await Seed.CampaignAsync();
        var segment = await Seed.SegmentAsync("{'fact':'history.order_count','op':'gte','value':3}");
        var promotion = await Seed.PromotionAsync(campaign, "Regulars",
            rules: [$"{{'fact':'customer.segments','op':'contains','value':'{segment.Id}'}}"]);

        var regular = await Channel.PostJsonAsync("/offers", "{'channel':'web','customer':{'history':{'orderCount':4}}}");
        var newcomer = await Channel.PostJsonAsync("/offers", "{'channel':'web','customer':{'history':{'orderCount':1}}}");

        Assert.Equal([promotion.Id], regular.GetProperty("items").Strings("id"));
        Assert.Empty(newcomer.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Post_WhenCustomerUnknown_ReturnsNotFoundProblemWithPath()
    {
        var problem = await Channel.PostJsonAsync("/offers", "{'channel':'web','customerId':'cus_missing'}", HttpStatusCode.NotFound);

        Assert.Equal("unknown_customer", problem.GetProperty("code").GetString());
        Assert.Equal(["$.customerId"], Http.ErrorPaths(problem));
    }

    [Theory]
    [InlineData("/offers?channel=fax", "channel")]
    [InlineData("/offers?channel=web&limit=0", "limit")]
    [InlineData("/offers?channel=web&limit=201", "limit")]
    [InlineData("/offers?channel=web&explain=maybe", "explain")]
    public async Task Get_WhenQueryValueInvalid_ReturnsProblemWithParameterPath(string url, string path)
    {
        var problem = await Channel.GetJsonAsync(url, HttpStatusCode.BadRequest);

        Assert.Equal([path], Http.ErrorPaths(problem));
    }

    [Fact]
    public async Task Post_WhenCartInvalid_ReturnsProblemWithJsonPath()
    {
        var problem = await Channel.PostJsonAsync("/offers",
            "{'channel':'web','limit':0,'cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':0,'unitPrice':5}]}}",
            HttpStatusCode.BadRequest);

        Assert.Equal(["$.cart.lines[0].quantity", "$.limit"], Http.ErrorPaths(problem));
    }

    [Fact]
    public async Task Offers_WhenTokenHasOnlyTheValidateScope_IsForbidden()
    {
        using var validator = Host.Channel("checkout", Scopes.Validate);
        using var anonymous = Host.CreateClient();

        using var forbidden = await validator.GetAsync(new Uri("/offers?channel=web", UriKind.Relative));
        using var unauthenticated = await anonymous.GetAsync(new Uri("/offers?channel=web", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    [Fact]
    public async Task GetPromotion_WhenLive_ReturnsPublicDetailsOnly()
    {
        var campaign = await Seed.CampaignAsync();
        var live = await Seed.PromotionAsync(campaign, "Live", description: "Ten percent off");
        var draft = await Seed.PromotionAsync(campaign, "Draft", status: LifecycleStatus.Draft);

        var details = await Channel.GetJsonAsync($"/offers/promotions/{live.Id}");
        var missing = await Channel.GetJsonAsync($"/offers/promotions/{draft.Id}", HttpStatusCode.NotFound);

        Assert.Equal(("Live", "Ten percent off", "percent_off"), (details.GetProperty("name").GetString(),
            details.GetProperty("description").GetString(), details.GetProperty("effect").GetProperty("type").GetString()));
        Assert.False(details.TryGetProperty("currentRedemptions", out _));
        Assert.False(details.TryGetProperty("rules", out _));
        Assert.Equal("not_found", missing.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Offers_WhenAStoredRuleNoLongerParses_LeaveThatPromotionOutInsteadOfFailing()
    {
        var campaign = await Seed.CampaignAsync();
        var sound = await Seed.PromotionAsync(campaign, "Sound");
        var broken = await Seed.PromotionAsync(campaign, "Broken", rules: ["{'fact':'cart.subtotal','op':'contains','value':1}"],
            kind: PromotionKind.Code);
        await Seed.CodeAsync(broken, "BROKEN");

        var offers = await Channel.GetJsonAsync("/offers?channel=web&explain=true");
        var code = await Channel.GetJsonAsync("/offers/codes/BROKEN");

        Assert.Equal([sound.Id], offers.GetProperty("items").Strings("id"));
        Assert.Empty(offers.GetProperty("notEligible").EnumerateArray());
        Assert.Equal("promotion_not_active", code.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Post_WhenConcurrentRequestsHitAColdCatalog_AllSeeTheSameOffers()
    {
        var campaign = await Seed.CampaignAsync();
        var promotion = await Seed.PromotionAsync(campaign, "Spring");

        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Channel.GetJsonAsync("/offers?channel=web")));

        Assert.All(answers, a => Assert.Equal([promotion.Id], a.GetProperty("items").Strings("id")));
    }
}
