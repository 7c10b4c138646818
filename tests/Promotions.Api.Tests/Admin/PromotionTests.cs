using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Domain.Ports;

namespace Promotions.Api.Tests.Admin;

public sealed class PromotionTests(AdminApiFixture fixture) : IClassFixture<AdminApiFixture>
{
    private readonly HttpClient _admin = fixture.Admin();

    [Fact]
    public async Task Create_WhenValid_StoresRulesAndEffectAndIndexesForSearch()
    {
        var (campaign, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var body = AdminBodies.Promotion(campaign.Id());
        var word = "zq" + Guid.NewGuid().ToString("N")[..10];
        body["name"] = $"Beach {word} deal";

        var response = await _admin.PostJson("/admin/promotions", body);

        var created = await response.Expect(HttpStatusCode.Created);
        Assert.Equal($"/admin/promotions/{created.Id()}", response.Headers.Location!.ToString());
        Assert.Equal("percent_off", created.GetProperty("effect").GetProperty("type").GetString());
        var rule = created.GetProperty("rules")[0];
        Assert.StartsWith("rul_", rule.Id());
        Assert.Equal("cart.subtotal", rule.GetProperty("condition").GetProperty("all")[0].GetProperty("fact").GetString());
        var search = fixture.Services.GetRequiredService<IPromotionSearch>();
        var hits = await search.SearchAsync(new PromotionSearchQuery(Text: word), new ListQuery(), CancellationToken.None);
        Assert.Equal([created.Id()], hits.Items);
    }

    [Fact]
    public async Task Create_WhenRuleFactUnknownDeepInCondition_ReturnsItsPath()
    {
        var (campaign, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var body = AdminBodies.Promotion(campaign.Id());
        body["rules"] = new[]
        {
            new
            {
                condition = new
                {
                    all = new object[]
                    {
                        new { fact = "cart.subtotal", op = "gte", value = 50 },
                        new { fact = "cart.colour", op = "eq", value = "red" },
                    },
                },
            },
        };

        var problem = await (await _admin.PostJson("/admin/promotions", body)).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(("rule.unknown_fact", "$.rules[0].condition.all[1].fact"), problem.Errors());
    }

    [Fact]
    public async Task Create_WithPeriodLimits_StoresAndShowsThem()
    {
        var (campaign, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var body = AdminBodies.Promotion(campaign.Id());
        body["periodLimits"] = new object[] { new { period = "day", max = 500 }, new { period = "week", max = 2, perCustomer = true } };

        var created = await (await _admin.PostJson("/admin/promotions", body)).Expect(HttpStatusCode.Created);
        var read = await (await _admin.GetAsync($"/admin/promotions/{created.Id()}")).Expect(HttpStatusCode.OK);

        var limits = read.GetProperty("periodLimits").EnumerateArray()
            .Select(l => (l.GetProperty("period").GetString(), l.GetProperty("max").GetInt32(), l.GetProperty("perCustomer").GetBoolean()))
            .ToArray();
        Assert.Equal([("day", 500, false), ("week", 2, true)], limits);
    }

    [Fact]
    public async Task Create_WhenPeriodLimitsAreInvalid_ReturnsThePathOfEach()
    {
        var (campaign, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var body = AdminBodies.Promotion(campaign.Id());
        body["periodLimits"] = new object[]
        {
            new { period = "day", max = 0 },
            new { max = 5 },
            new { period = "week", max = 5 },
            new { period = "week", max = 9, perCustomer = false },
        };

        var problem = await (await _admin.PostJson("/admin/promotions", body)).Expect(HttpStatusCode.BadRequest);

        var errors = problem.Errors().ToList();
        Assert.Contains(("out_of_range", "$.periodLimits[0].max"), errors);
        Assert.Contains(("required", "$.periodLimits[1].period"), errors);
        Assert.Contains(("duplicate", "$.periodLimits[3]"), errors);
        Assert.DoesNotContain(errors, e => e.Path == "$.periodLimits[2]");
    }

    [Fact]
    public async Task Create_WhenAPeriodIsUnknown_ReturnsItsPath()
    {
        var (campaign, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var body = AdminBodies.Promotion(campaign.Id());
        body["periodLimits"] = new object[] { new { period = "fortnight", max = 5 } };

        var problem = await (await _admin.PostJson("/admin/promotions", body)).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(problem.Errors(), e => e.Path == "$.periodLimits[0].period");
    }

    [Fact]
    public async Task Create_WhenManyFieldsInvalid_ReturnsEveryErrorAndStoresNothing()
    {
        var (campaign, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var body = AdminBodies.Promotion(campaign.Id());
        body["effect"] = new { type = "percent_off", percent = 150, target = new { scope = "order" } };
        body["channels"] = new[] { "web", "fax" };
        body["priority"] = 5000;
        body["maxRedemptions"] = 0;
        body["perCustomerLimit"] = 0;
        body.Remove("kind");

        var problem = await (await _admin.PostJson("/admin/promotions", body)).Expect(HttpStatusCode.BadRequest);

        var paths = problem.Errors().Select(e => e.Path).ToList();
        Assert.Contains("$.effect.percent", paths);
        Assert.Contains("$.channels[1]", paths);
        Assert.Contains("$.priority", paths);
        Assert.Contains("$.maxRedemptions", paths);
        Assert.Contains("$.perCustomerLimit", paths);
        Assert.Contains("$.kind", paths);
        var list = await (await _admin.GetAsync($"/admin/promotions?campaignId={campaign.Id()}")).Expect(HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Create_WhenCampaignUnknownOrEffectMissing_ReturnsPaths()
    {
        var body = AdminBodies.Promotion("cmp_missing");
        body.Remove("effect");

        var problem = await (await _admin.PostJson("/admin/promotions", body)).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(("unknown_reference", "$.campaignId"), problem.Errors());
        Assert.Contains(("required", "$.effect"), problem.Errors());
    }

    [Fact]
    public async Task Update_FollowsETagsAndKeepsCampaignFixed()
    {
        var (campaign, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var (other, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var (promotion, etag) = await _admin.Create("/admin/promotions", AdminBodies.Promotion(campaign.Id()));
        var path = $"/admin/promotions/{promotion.Id()}";
        var changed = AdminBodies.Promotion(campaign.Id());
        changed["priority"] = 99;

        await (await _admin.PutJson(path, changed, null)).Expect((HttpStatusCode)428);
        var fresh = await (await _admin.PutJson(path, changed, etag)).Expect(HttpStatusCode.OK);
        Assert.Equal(99, fresh.GetProperty("priority").GetInt32());
        await (await _admin.PutJson(path, changed, etag)).Expect(HttpStatusCode.PreconditionFailed);

        var moved = await (await _admin.PutJson(path, AdminBodies.Promotion(other.Id()), "\"2\"")).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(("immutable", "$.campaignId"), moved.Errors());
    }

    [Fact]
    public async Task List_FiltersByCampaignAndKind_PagesWithoutDuplicatesOrGaps()
    {
        var (campaign, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var codeIds = new HashSet<string>();
        for (var i = 0; i < 24; i++)
        {
            var (p, _) = await _admin.Create("/admin/promotions", AdminBodies.Promotion(campaign.Id(), i % 3 == 0 ? "code" : "automatic"));
            if (i % 3 == 0)
            {
                codeIds.Add(p.Id());
            }
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await _admin.GetAsync(
                $"/admin/promotions?campaignId={campaign.Id()}&kind=code&channel=web&limit=3" + (cursor is null ? "" : $"&cursor={cursor}")))
                .Expect(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(p => p.Id()));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        Assert.Equal(codeIds.Count, seen.Count);
        Assert.Equal(codeIds, seen.ToHashSet());
    }

    [Fact]
    public async Task Lifecycle_WhileCampaignIsDraft_RefusesActivationThenAllowsIt()
    {
        var (campaign, campaignTag) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var (promotion, etag) = await _admin.Create("/admin/promotions", AdminBodies.Promotion(campaign.Id()));
        var path = $"/admin/promotions/{promotion.Id()}/lifecycle";

        var refused = await (await _admin.PostJson(path, new { action = "activate" }, etag)).Expect(HttpStatusCode.Conflict);
        Assert.Equal("campaign_not_ready", refused.Code());

        await (await _admin.PostJson($"/admin/campaigns/{campaign.Id()}/lifecycle", new { action = "activate" }, campaignTag)).Expect(HttpStatusCode.OK);
        var activated = await _admin.PostJson(path, new { action = "activate" }, etag);
        Assert.Equal("active", (await activated.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());

        var illegal = await (await _admin.PostJson(path, new { action = "schedule" }, activated.Headers.ETag!.ToString())).Expect(HttpStatusCode.Conflict);
        Assert.Equal("illegal_transition", illegal.Code());
    }

    [Fact]
    public async Task Lifecycle_OnAPromotionPacingPaused_TakesItOutOfPacingsHands()
    {
        var (campaign, campaignTag) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        await (await _admin.PostJson($"/admin/campaigns/{campaign.Id()}/lifecycle", new { action = "activate" }, campaignTag)).Expect(HttpStatusCode.OK);
        var (promotion, etag) = await _admin.Create("/admin/promotions", AdminBodies.Promotion(campaign.Id()));
        var store = fixture.Services.GetRequiredService<IPromotionStore>();
        var draft = (await store.GetAsync(promotion.Id(), default))!;
        var paced = draft with { Status = Domain.Lifecycle.LifecycleStatus.Paused, Paced = true };
        await store.UpdateAsync(paced, draft.Version, [], default);
        var path = $"/admin/promotions/{promotion.Id()}";
        var shown = await _admin.GetAsync(path);
        Assert.True((await shown.Expect(HttpStatusCode.OK)).GetProperty("paced").GetBoolean());

        var activated = await (await _admin.PostJson($"{path}/lifecycle", new { action = "activate" }, shown.Headers.ETag!.ToString())).Expect(HttpStatusCode.OK);

        Assert.Equal(("active", false), (activated.GetProperty("status").GetString(), activated.GetProperty("paced").GetBoolean()));
        Assert.False((await store.GetAsync(promotion.Id(), default))!.Paced);
        Assert.NotEqual(etag, shown.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Delete_WhenActiveRefused_WhenDraftRemovedFromStoreAndSearch()
    {
        var (campaign, campaignTag) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        await _admin.PostJson($"/admin/campaigns/{campaign.Id()}/lifecycle", new { action = "activate" }, campaignTag);
        var (live, liveTag) = await _admin.Create("/admin/promotions", AdminBodies.Promotion(campaign.Id()));
        var activated = await _admin.PostJson($"/admin/promotions/{live.Id()}/lifecycle", new { action = "activate" }, liveTag);
        var refused = await (await _admin.Delete($"/admin/promotions/{live.Id()}", activated.Headers.ETag!.ToString())).Expect(HttpStatusCode.Conflict);
        Assert.Equal("not_deletable", refused.Code());

        var (draft, draftTag) = await _admin.Create("/admin/promotions", AdminBodies.Promotion(campaign.Id()));
        await (await _admin.Delete($"/admin/promotions/{draft.Id()}", draftTag)).Expect(HttpStatusCode.NoContent);

        await (await _admin.GetAsync($"/admin/promotions/{draft.Id()}")).Expect(HttpStatusCode.NotFound);
        var search = fixture.Services.GetRequiredService<IPromotionSearch>();
        var hits = await search.SearchAsync(new PromotionSearchQuery(CampaignId: campaign.Id()), new ListQuery(), CancellationToken.None);
        Assert.Equal([live.Id()], hits.Items);
    }
}
