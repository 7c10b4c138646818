using System.Text.Json;
using System.Net;
using Promotions.Api.Tests.Offers;
using Promotions.Domain.Promotions;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Validation;

public sealed class ValidateTests : ValidationApiTest
{
    private const string Cart88 = "'cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'MUG','quantity':2,'unitPrice':44}]}";

    [Fact]
    public async Task Validate_WhenTieredThresholdNotReached_HintsTheAmountToAdd()
    {
        var campaign = await Seed.CampaignAsync();
        var tiered = await Seed.PromotionAsync(campaign, "Spend more",
            "{'type':'tiered','basis':'subtotal','tiers':[{'threshold':100,'percentOff':10},{'threshold':200,'percentOff':20}]}");

        var quote = await Checkout.PostJsonAsync("/validate", $"{{'channel':'web',{Cart88}}}");

        var miss = Assert.Single(quote.GetProperty("notApplied").EnumerateArray());
        Assert.Equal((tiered.Id, "threshold_not_met"), (miss.GetProperty("promotionId").GetString(), miss.GetProperty("reason").GetString()));
        Assert.Equal("Add 12.00 EUR to qualify.", miss.GetProperty("hint").GetString());
        Assert.Equal((88m, 0m, 88m), (quote.GetProperty("subtotal").GetDecimal(), quote.GetProperty("discount").GetDecimal(),
            quote.GetProperty("total").GetDecimal()));
    }

    [Fact]
    public async Task Validate_WhenRuleThresholdNotReached_ReturnsFailedConditionAndHint()
    {
        var campaign = await Seed.CampaignAsync();
        await Seed.PromotionAsync(campaign, "Over 100", rules: ["{'fact':'cart.subtotal','op':'gte','value':100}"]);

        var quote = await Checkout.PostJsonAsync("/validate", $"{{'channel':'web',{Cart88}}}");

        var miss = Assert.Single(quote.GetProperty("notApplied").EnumerateArray());
        Assert.Equal(("not_eligible", "Add 12.00 EUR to qualify."), (miss.GetProperty("reason").GetString(), miss.GetProperty("hint").GetString()));
        var failed = Assert.Single(miss.GetProperty("failedConditions").EnumerateArray());
        Assert.Equal(("cart.subtotal", "gte", "100", "88"), (failed.GetProperty("fact").GetString(), failed.GetProperty("operator").GetString(),
            failed.GetProperty("expected").GetString(), failed.GetProperty("actual").GetString()));
    }

    [Fact]
    public async Task Validate_WhenMorePromotionsApplyThanOneOrderRecords_KeepsTheCodeAndTheBestRankedAutomaticOnes()
    {
        var campaign = await Seed.CampaignAsync();
        var automatic = new List<Promotion>();
        for (var i = 0; i < 12; i++)
        {
            automatic.Add(await Seed.PromotionAsync(campaign, $"One off {i}", "{'type':'amount_off','amount':1}", priority: 20 - i));
        }

        var coded = await Seed.PromotionAsync(campaign, "Two off", "{'type':'amount_off','amount':2}", kind: PromotionKind.Code, priority: 0);
        await Seed.CodeAsync(coded, "TWOOFF", maxUses: 10);

        var quote = await Checkout.PostJsonAsync("/validate", $"{{'channel':'web','explain':true,'codes':['TWOOFF'],{Cart88}}}");

        Assert.Equal([.. automatic.Take(9).Select(p => p.Id), coded.Id], quote.GetProperty("applied").Strings("promotionId"));
        var dropped = quote.GetProperty("notApplied").EnumerateArray().Where(n => n.GetProperty("reason").GetString() == "stack_limit_reached");
        Assert.Equal(automatic.Skip(9).Select(p => p.Id).Order(StringComparer.Ordinal), dropped.Select(n => n.GetProperty("promotionId").GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(11m, quote.GetProperty("discount").GetDecimal());
    }

    [Fact]
    public async Task Validate_WithoutExplain_ListsTheCodesAndTheHintsOfTheExplainedAnswerOnly()
    {
        var campaign = await Seed.CampaignAsync();
        for (var i = 0; i < 12; i++)
        {
            await Seed.PromotionAsync(campaign, $"One off {i}", "{'type':'amount_off','amount':1}", priority: 20 - i);
        }

        var tiered = await Seed.PromotionAsync(campaign, "Spend more", "{'type':'tiered','basis':'subtotal','tiers':[{'threshold':500,'percentOff':10}]}");
        var coded = await Seed.PromotionAsync(campaign, "Two off", "{'type':'amount_off','amount':2}", kind: PromotionKind.Code, priority: 0);
        await Seed.CodeAsync(coded, "TWOOFF", maxUses: 10);
        const string Request = "'channel':'web','codes':['TWOOFF','NOSUCHCODE'],";

        var plain = await Checkout.PostJsonAsync("/validate", $"{{{Request}{Cart88}}}");
        var explained = await Checkout.PostJsonAsync("/validate", $"{{{Request}'explain':true,{Cart88}}}");

        // The same quote either way; without explain only what the customer can act on.
        Assert.Equal(explained.GetProperty("fingerprint").GetString(), plain.GetProperty("fingerprint").GetString());
        Assert.Equal(explained.GetProperty("applied").GetRawText(), plain.GetProperty("applied").GetRawText());
        var actionable = explained.GetProperty("notApplied").EnumerateArray()
            .Where(static n => n.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
                || n.TryGetProperty("hint", out var h) && h.ValueKind == JsonValueKind.String)
            .Select(static n => n.GetRawText());
        Assert.Equal(actionable, plain.GetProperty("notApplied").EnumerateArray().Select(static n => n.GetRawText()));
        Assert.Contains(plain.GetProperty("notApplied").EnumerateArray(), n => n.TryGetProperty("promotionId", out var p) && p.GetString() == tiered.Id);
        Assert.Contains(plain.GetProperty("notApplied").EnumerateArray(), n => n.TryGetProperty("code", out var c) && c.GetString() == "NOSUCHCODE");
        Assert.Equal(3, explained.GetProperty("notApplied").EnumerateArray().Count(n => n.GetProperty("reason").GetString() == "stack_limit_reached"));
    }

    [Fact]
    public async Task Validate_WhenPeriodLimitsMakeTenPromotionsMoreThanOneTransactionCarries_KeepsTheNineBestRanked()
    {
        // Each part with a period limit takes 10 of the 98 items one redemption's parts may take: nine fit, not ten.
        var campaign = await Seed.CampaignAsync();
        var daily = new List<Promotion>();
        for (var i = 0; i < 10; i++)
        {
            daily.Add(await Seed.PromotionAsync(campaign, $"One off a day {i}", "{'type':'amount_off','amount':1}", priority: 20 - i,
                periodLimits: [new PeriodLimit(LimitPeriod.Day, 1000)]));
        }

        var quote = await Checkout.PostJsonAsync("/validate", $"{{'channel':'web','explain':true,{Cart88}}}");

        Assert.Equal(daily.Take(9).Select(p => p.Id), quote.GetProperty("applied").Strings("promotionId"));
        var dropped = quote.GetProperty("notApplied").EnumerateArray().Single(n => n.GetProperty("reason").GetString() == "stack_limit_reached");
        Assert.Equal(daily[9].Id, dropped.GetProperty("promotionId").GetString());
    }

    [Fact]
    public async Task Validate_WithAutomaticAndCodePromotion_StacksBothAndAllocatesToLines()
    {
        var campaign = await Seed.CampaignAsync();
        var automatic = await Seed.PromotionAsync(campaign, "Ten percent", priority: 10);
        var coded = await Seed.PromotionAsync(campaign, "Five off", "{'type':'amount_off','amount':5}", kind: PromotionKind.Code);
        await Seed.CodeAsync(coded, "FIVEOFF", maxUses: 10);

        var quote = await Checkout.PostJsonAsync("/validate",
            "{'channel':'web','codes':['five-off'],'cart':{'currency':'EUR','shipping':4.90,'lines':[" +
            "{'lineId':'a','sku':'MUG','quantity':2,'unitPrice':30},{'lineId':'b','sku':'TEE','quantity':1,'unitPrice':40}]}}");

        var applied = quote.GetProperty("applied");
        Assert.Equal([automatic.Id, coded.Id], applied.Strings("promotionId"));
        Assert.Equal(("Five off", "FIVEOFF"), (applied[1].GetProperty("name").GetString(), applied[1].GetProperty("code").GetString()));
        Assert.Equal(10m, applied[0].GetProperty("amount").GetDecimal());
        Assert.Equal(5m, applied[1].GetProperty("amount").GetDecimal());
        Assert.Equal(5m, applied[1].GetProperty("allocations").EnumerateArray().Sum(a => a.GetProperty("amount").GetDecimal()));
        Assert.Equal((15m, 89.90m), (quote.GetProperty("discount").GetDecimal(), quote.GetProperty("total").GetDecimal()));
        Assert.Equal(15m, quote.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("discount").GetDecimal()));
        Assert.Empty(quote.GetProperty("notApplied").EnumerateArray());
    }

    [Theory]
    [InlineData("NOSUCHCODE", "unknown_code")]
    [InlineData("SWITCHEDOFF", "code_inactive")]
    [InlineData("OLDCODE", "code_expired")]
    [InlineData("USEDUP", "code_exhausted")]
    [InlineData("TOMORROW", "code_not_yet_active")]
    [InlineData("SOMEONEELSE", "code_assigned_to_another_customer")]
    [InlineData("PAUSED", "promotion_not_active")]
    [InlineData("APPONLY", "wrong_channel")]
    [InlineData("BAD!CODE", "invalid_code_format")]
    public async Task Validate_WhenCodeCannotBeUsed_ReportsItsReason(string code, string reason)
    {
        await SeedCodesAsync();

        var quote = await Checkout.PostJsonAsync("/validate", $"{{'channel':'web','codes':['{code}'],{Cart88}}}");

        var miss = Assert.Single(quote.GetProperty("notApplied").EnumerateArray());
        Assert.Equal(reason, miss.GetProperty("reason").GetString());
        Assert.Empty(quote.GetProperty("applied").EnumerateArray());
    }

    [Fact]
    public async Task Validate_WhenCodeIsOnAnotherChannel_HintsWhereItIsAvailable()
    {
        await SeedCodesAsync();

        var quote = await Checkout.PostJsonAsync("/validate", $"{{'channel':'web','codes':['APPONLY'],{Cart88}}}");

        Assert.Equal("Available on: mobile_app, in_store", quote.GetProperty("notApplied")[0].GetProperty("hint").GetString());
    }

    [Fact]
    public async Task Validate_WhenSameCodeSentTwice_AppliesOnceAndReportsTheDuplicate()
    {
        await SeedCodesAsync();

        var quote = await Checkout.PostJsonAsync("/validate", $"{{'channel':'web','codes':['SPRING2026','spring-2026'],{Cart88}}}");

        Assert.Single(quote.GetProperty("applied").EnumerateArray());
        var miss = Assert.Single(quote.GetProperty("notApplied").EnumerateArray());
        Assert.Equal(("duplicate_code", "SPRING2026"), (miss.GetProperty("reason").GetString(), miss.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Validate_WhenCodeAssignedToThisCustomer_Applies()
    {
        var customer = await Seed.CustomerAsync();
        await SeedCodesAsync(owner: customer.Id);

        var quote = await Checkout.PostJsonAsync("/validate",
            $"{{'channel':'web','customerId':'{customer.Id}','codes':['SOMEONEELSE'],{Cart88}}}");

        Assert.Single(quote.GetProperty("applied").EnumerateArray());
    }

    [Fact]
    public async Task Validate_WithInlineProfile_EvaluatesItsAttributes()
    {
        var campaign = await Seed.CampaignAsync();
        var gold = await Seed.PromotionAsync(campaign, "Gold", rules: ["{'fact':'customer.attributes.tier','op':'eq','value':'gold'}"]);

        var quote = await Checkout.PostJsonAsync("/validate", $"{{'channel':'web','customer':{{'attributes':{{'tier':'gold'}}}},{Cart88}}}");

        Assert.Equal([gold.Id], quote.GetProperty("applied").Strings("promotionId"));
    }

    [Fact]
    public async Task Validate_WhenCustomerUnknown_ReturnsNotFoundProblem()
    {
        var problem = await Checkout.PostJsonAsync("/validate", $"{{'channel':'web','customerId':'cus_nobody',{Cart88}}}", HttpStatusCode.NotFound);

        Assert.Equal(("unknown_customer", "$.customerId"), (problem.GetProperty("code").GetString(), Http.ErrorPaths(problem)[0]));
    }

    [Theory]
    [InlineData("'channel':'web','cart':{'currency':'eur','lines':[{'lineId':'1','sku':'A','quantity':1,'unitPrice':1}]}", "$.cart.currency")]
    [InlineData("'channel':'web','cart':{'currency':'EUR','lines':[]}", "$.cart.lines")]
    [InlineData("'channel':'web','cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':1,'unitPrice':1},{'lineId':'1','sku':'B','quantity':1,'unitPrice':1}]}", "$.cart.lines[1].lineId")]
    [InlineData("'channel':'web','cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':0,'unitPrice':1}]}", "$.cart.lines[0].quantity")]
    [InlineData("'channel':'web','cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':10001,'unitPrice':1}]}", "$.cart.lines[0].quantity")]
    [InlineData("'channel':'web','cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':1,'unitPrice':1.005}]}", "$.cart.lines[0].unitPrice")]
    [InlineData("'channel':'web','cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':1,'unitPrice':-1}]}", "$.cart.lines[0].unitPrice")]
    [InlineData("'channel':'fax','cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':1,'unitPrice':1}]}", "$.channel")]
    [InlineData("'channel':'web','customerId':'c','customer':{},'cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':1,'unitPrice':1}]}", "$.customer")]
    [InlineData("'channel':'web','codes':['A','B','C','D','E','F','G','H','I','J','K'],'cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':1,'unitPrice':1}]}", "$.codes")]
    [InlineData("'channel':'web','cart':{'currency':'EUR','lines':[{'lineId':'1','sku':'A','quantity':1,'unitPrice':1,'colour':'red'}]}", "$.cart.lines[0].colour")]
    public async Task Validate_WhenInputInvalid_ReturnsProblemWithJsonPath(string body, string path)
    {
        var problem = await Checkout.PostJsonAsync("/validate", "{" + body + "}", HttpStatusCode.BadRequest);

        Assert.Contains(path, Http.ErrorPaths(problem));
    }

    [Fact]
    public async Task Validate_WhenTokenHasOnlyTheOffersScope_IsForbidden()
    {
        using var offersOnly = Host.Channel("web-shop", Scopes.OffersRead);

        await offersOnly.PostJsonAsync("/validate", $"{{'channel':'web',{Cart88}}}", HttpStatusCode.Forbidden);
    }

    private async Task SeedCodesAsync(string owner = "cus_owner")
    {
        var now = Host.Clock.GetUtcNow();
        var campaign = await Seed.CampaignAsync();
        var live = await Seed.PromotionAsync(campaign, "Spring codes", "{'type':'amount_off','amount':5}", kind: PromotionKind.Code);
        var later = await Seed.PromotionAsync(campaign, "Later", kind: PromotionKind.Code,
            status: Domain.Lifecycle.LifecycleStatus.Scheduled, startsAt: now.AddDays(1));
        var paused = await Seed.PromotionAsync(campaign, "Paused", kind: PromotionKind.Code, status: Domain.Lifecycle.LifecycleStatus.Paused);
        var app = await Seed.PromotionAsync(campaign, "App", kind: PromotionKind.Code, channels: ["mobile_app", "in_store"]);
        await Seed.CodeAsync(live, "SPRING2026", maxUses: 100);
        await Seed.CodeAsync(live, "USEDUP", uses: 1, maxUses: 1);
        await Seed.CodeAsync(live, "OLDCODE", expiresAt: now.AddMinutes(-1));
        await Seed.CodeAsync(live, "SWITCHEDOFF", active: false);
        await Seed.CodeAsync(live, "SOMEONEELSE", assignedTo: owner);
        await Seed.CodeAsync(later, "TOMORROW");
        await Seed.CodeAsync(paused, "PAUSED");
        await Seed.CodeAsync(app, "APPONLY");
    }
}
