using System.Net;
using Promotions.Api.Tests.Admin;
using Promotions.Api.Tests.Usage;

namespace Promotions.Api.Tests.Plans;

/// <summary>
/// The whole local host with a fake clock: a three-stage plan written through the Admin API runs stage by stage on the
/// in-process scheduler, and the catalog (statuses, effects) changes at each stage, once.
/// </summary>
public sealed class CampaignPlanTests : IDisposable
{
    private readonly UsageHost _host = new();
    private readonly HttpClient _admin;

    public CampaignPlanTests() => _admin = _host.Admin();

    public void Dispose()
    {
        _admin.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task ThreeStagePlan_OnTheFakeClock_RunsEveryStageInOrderAndChangesTheCatalogAtEach()
    {
        var now = _host.Clock.GetUtcNow();
        var (campaign, tag, teaser, main) = await PlanApi.CampaignAsync(_admin, now);
        tag = await PlanApi.PutPlanAsync(_admin, campaign, PlanApi.ThreeStages(teaser, main), tag);
        await (await _admin.PostJson($"/admin/campaigns/{campaign}/lifecycle", new { action = "schedule" }, tag)).Expect(HttpStatusCode.OK);

        var before = await PlanApi.GetAsync(_admin, $"/admin/campaigns/{campaign}/plan");
        Assert.Equal(["pending", "pending", "pending"], before.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(now.AddMinutes(15), before.GetProperty("stages")[1].GetProperty("runsAt").GetDateTimeOffset());
        Assert.True(before.GetProperty("running").GetBoolean());

        _host.Clock.SetUtcNow(now.AddMinutes(5));
        var teased = await PlanApi.StageRanAsync(_admin, _host.Clock, campaign, 0);
        Assert.Equal("applied", teased.GetProperty("stages")[0].GetProperty("status").GetString());
        Assert.Equal("pending", teased.GetProperty("stages")[1].GetProperty("status").GetString());
        Assert.Equal("active", (await PlanApi.GetAsync(_admin, $"/admin/campaigns/{campaign}")).GetProperty("status").GetString());
        Assert.Equal("active", (await PlanApi.GetAsync(_admin, $"/admin/promotions/{teaser}")).GetProperty("status").GetString());
        Assert.Equal("draft", (await PlanApi.GetAsync(_admin, $"/admin/promotions/{main}")).GetProperty("status").GetString());

        _host.Clock.SetUtcNow(now.AddMinutes(15));
        var launched = await PlanApi.StageRanAsync(_admin, _host.Clock, campaign, 1);
        Assert.Equal("pending", launched.GetProperty("stages")[2].GetProperty("status").GetString());
        Assert.Equal(["changed", "changed", "changed"],
            launched.GetProperty("stages")[1].GetProperty("results").EnumerateArray().Select(r => r.GetProperty("result").GetString()));
        Assert.Equal("ended", (await PlanApi.GetAsync(_admin, $"/admin/promotions/{teaser}")).GetProperty("status").GetString());
        var launchedMain = await PlanApi.GetAsync(_admin, $"/admin/promotions/{main}");
        Assert.Equal(("active", 20), (launchedMain.GetProperty("status").GetString(), launchedMain.GetProperty("effect").GetProperty("percent").GetInt32()));

        _host.Clock.SetUtcNow(now.AddMinutes(25));
        var last = await PlanApi.StageRanAsync(_admin, _host.Clock, campaign, 2);
        Assert.Equal("applied", last.GetProperty("stages")[2].GetProperty("status").GetString());
        var lastMain = await PlanApi.GetAsync(_admin, $"/admin/promotions/{main}");
        Assert.Equal(30, lastMain.GetProperty("effect").GetProperty("percent").GetInt32());

        // More ticks change nothing: every stage ran once.
        var version = lastMain.GetProperty("version").GetInt64();
        _host.Clock.Advance(TimeSpan.FromSeconds(5));
        await Task.Delay(300);
        Assert.Equal(version, (await PlanApi.GetAsync(_admin, $"/admin/promotions/{main}")).GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task PutPlan_WhenInvalid_Returns400WithThePathOfEachError()
    {
        var (campaign, tag, teaser, _) = await PlanApi.CampaignAsync(_admin, _host.Clock.GetUtcNow());
        var other = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var stranger = (await _admin.Create("/admin/promotions", AdminBodies.Promotion(other.Body.Id()))).Body.Id();
        var plan = new
        {
            stages = new object[]
            {
                new { name = "one", after = "two days", changes = new object[] { new { type = "launch" } } },
                new
                {
                    name = "two", at = _host.Clock.GetUtcNow().AddDays(1),
                    changes = new object[]
                    {
                        new { type = "activate", promotionId = "prm_nope" },
                        new { type = "activate", promotionId = stranger },
                        new { type = "set_effect", promotionId = teaser, effect = new { type = "percent_off", percent = 120 } },
                    },
                },
            },
        };

        var problem = await (await _admin.PutJson($"/admin/campaigns/{campaign}/plan", plan, tag)).Expect(HttpStatusCode.BadRequest);

        var errors = problem.Errors();
        Assert.Contains(("invalid_duration", "$.stages[0].after"), errors);
        Assert.Contains(("invalid_value", "$.stages[0].changes[0].type"), errors);
        Assert.Contains(("unknown_reference", "$.stages[1].changes[0].promotionId"), errors);
        Assert.Contains(("unknown_reference", "$.stages[1].changes[1].promotionId"), errors);

        var effect = await (await _admin.PutJson($"/admin/campaigns/{campaign}/plan", new
        {
            stages = new object[] { new { name = "deeper", after = "P1D", changes = new object[] { new { type = "set_effect", promotionId = teaser, effect = new { type = "percent_off", percent = 120 } } } } },
        }, tag)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(effect.Errors(), e => e.Path == "$.stages[0].changes[0].effect.percent");
    }

    [Fact]
    public async Task GetPlan_WhenTheCampaignHasNone_Returns404()
    {
        var (campaign, _, _, _) = await PlanApi.CampaignAsync(_admin, _host.Clock.GetUtcNow());

        var problem = await (await _admin.GetAsync(new Uri($"/admin/campaigns/{campaign}/plan", UriKind.Relative))).Expect(HttpStatusCode.NotFound);

        Assert.Equal("not_found", problem.Code());
    }
}
