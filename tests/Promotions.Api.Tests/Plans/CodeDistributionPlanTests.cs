using System.Net;
using System.Text;
using System.Text.Json;
using Promotions.Api.Tests.Admin;
using Promotions.Api.Tests.Usage;

namespace Promotions.Api.Tests.Plans;

/// <summary>
/// The whole local host with a fake clock: a launch stage that emails codes to a segment runs on the in-process
/// scheduler, each member gets one code assigned to them, the plan shows the distribution's progress, and the code
/// works for its owner only.
/// </summary>
public sealed class CodeDistributionPlanTests : IDisposable
{
    private readonly UsageHost _host = new();
    private readonly HttpClient _admin;
    private readonly HttpClient _checkout;

    public CodeDistributionPlanTests() => (_admin, _checkout) = (_host.Admin(), _host.Checkout());

    public void Dispose()
    {
        _admin.Dispose();
        _checkout.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task LaunchStage_WithDistributeCodes_GivesEachMemberOneCodeOnlyTheyCanUse()
    {
        var now = _host.Clock.GetUtcNow();
        var (campaign, tag, _, _) = await PlanApi.CampaignAsync(_admin, now);
        var promotion = await CodePromotionAsync(campaign, 4);
        var segment = (await _admin.Create("/admin/segments", new { name = "Newsletter" })).Body.Id();
        var members = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            members.Add((await _admin.Create("/admin/customers", new { segmentIds = new[] { segment } })).Body.Id());
        }

        var outsider = (await _admin.Create("/admin/customers", new { segmentIds = Array.Empty<string>() })).Body.Id();
        tag = await PlanApi.PutPlanAsync(_admin, campaign, Plan(promotion, segment, 2), tag);
        await (await _admin.PostJson($"/admin/campaigns/{campaign}/lifecycle", new { action = "schedule" }, tag)).Expect(HttpStatusCode.OK);

        _host.Clock.SetUtcNow(now.AddMinutes(5));
        var stage = await DistributedAsync(campaign);

        Assert.Equal(("completed", 2, 3, 0), (stage.GetProperty("state").GetString(), stage.GetProperty("batches").GetInt32(),
            stage.GetProperty("distributed").GetInt32(), stage.GetProperty("remaining").GetInt32()));
        var codes = (await PlanApi.GetAsync(_admin, $"/admin/promotions/{promotion}/codes?limit=10")).GetProperty("items").EnumerateArray()
            .Where(c => c.TryGetProperty("assignedCustomerId", out var owner) && owner.ValueKind == JsonValueKind.String)
            .ToDictionary(c => c.GetProperty("assignedCustomerId").GetString()!, c => c.GetProperty("code").GetString()!);
        Assert.Equal(members.Order(StringComparer.Ordinal), codes.Keys.Order(StringComparer.Ordinal));

        _host.LetCachesExpire();
        var own = await ValidateAsync(members[0], codes[members[0]]);
        Assert.Single(own.GetProperty("applied").EnumerateArray());
        var other = await ValidateAsync(outsider, codes[members[0]]);
        Assert.Equal("code_assigned_to_another_customer", Assert.Single(other.GetProperty("notApplied").EnumerateArray()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task LaunchStage_WhenThePoolIsTooSmall_ShowsWhatWasDistributedAndWhatRemained()
    {
        var now = _host.Clock.GetUtcNow();
        var (campaign, tag, _, _) = await PlanApi.CampaignAsync(_admin, now);
        var promotion = await CodePromotionAsync(campaign, 2);
        var segment = (await _admin.Create("/admin/segments", new { name = "Everyone" })).Body.Id();
        for (var i = 0; i < 5; i++)
        {
            await _admin.Create("/admin/customers", new { segmentIds = new[] { segment } });
        }

        tag = await PlanApi.PutPlanAsync(_admin, campaign, Plan(promotion, segment, 48), tag);
        await (await _admin.PostJson($"/admin/campaigns/{campaign}/lifecycle", new { action = "schedule" }, tag)).Expect(HttpStatusCode.OK);

        _host.Clock.SetUtcNow(now.AddMinutes(5));
        var stage = await DistributedAsync(campaign);

        Assert.Equal(("exhausted", 2, 3), (stage.GetProperty("state").GetString(), stage.GetProperty("distributed").GetInt32(), stage.GetProperty("remaining").GetInt32()));
    }

    [Fact]
    public async Task PutPlan_WhenADistributionIsInvalid_Returns400WithThePathOfEachError()
    {
        var (campaign, tag, automatic, _) = await PlanApi.CampaignAsync(_admin, _host.Clock.GetUtcNow());
        var promotion = await CodePromotionAsync(campaign, 1);
        var segment = (await _admin.Create("/admin/segments", new { name = "Some" })).Body.Id();
        var references = await (await _admin.PutJson($"/admin/campaigns/{campaign}/plan", Stage(
            new { type = "distribute_codes", promotionId = automatic, segmentId = "seg_nope", batchSize = 10 }), tag)).Expect(HttpStatusCode.BadRequest);
        var shape = await (await _admin.PutJson($"/admin/campaigns/{campaign}/plan", Stage(
            new { type = "distribute_codes", promotionId = promotion, segmentId = segment, batchSize = 0 },
            new { type = "distribute_codes", promotionId = promotion, batchSize = 49 },
            new { type = "activate", promotionId = promotion, segmentId = segment }), tag)).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(("no_code_pool", "$.stages[0].changes[0].promotionId"), references.Errors());
        Assert.Contains(("unknown_reference", "$.stages[0].changes[0].segmentId"), references.Errors());
        var errors = shape.Errors();
        Assert.Contains(("out_of_range", "$.stages[0].changes[0].batchSize"), errors);
        Assert.Contains(("required", "$.stages[0].changes[1].segmentId"), errors);
        Assert.Contains(("out_of_range", "$.stages[0].changes[1].batchSize"), errors);
        Assert.Contains(("not_allowed", "$.stages[0].changes[2].segmentId"), errors);
    }

    private static object Stage(params object[] changes) => new { stages = new object[] { new { name = "launch", after = "PT0S", changes } } };

    private static object Plan(string promotion, string segment, int batchSize) => new
    {
        stages = new object[]
        {
            new
            {
                name = "launch", after = "PT0S",
                changes = new object[]
                {
                    new { type = "activate" },
                    new { type = "activate", promotionId = promotion },
                    new { type = "distribute_codes", promotionId = promotion, segmentId = segment, batchSize },
                },
            },
        },
    };

    private async Task<string> CodePromotionAsync(string campaign, int codes)
    {
        var body = AdminBodies.Promotion(campaign, "code");
        body["effect"] = PlanApi.Percent(10);
        var promotion = (await _admin.Create("/admin/promotions", body)).Body.Id();
        var csv = new StringBuilder("code\n");
        for (var i = 0; i < codes; i++)
        {
            csv.Append(CultureInfoInvariant($"MAIL{promotion[^8..].ToUpperInvariant()}{i:D2}\n"));
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        await (await _admin.PostAsync(new Uri($"/admin/promotions/{promotion}/codes/import", UriKind.Relative), content)).Expect(HttpStatusCode.OK);
        return promotion;
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);

    // The tick runs the stage, then its batches; waits until the distribution is done.
    private async Task<JsonElement> DistributedAsync(string campaign)
    {
        for (var i = 0; i < 100; i++)
        {
            var plan = await PlanApi.GetAsync(_admin, $"/admin/campaigns/{campaign}/plan");
            if (plan.GetProperty("stages")[0].TryGetProperty("distributions", out var all) && all.ValueKind == JsonValueKind.Array
                && all.GetArrayLength() == 1 && all[0].GetProperty("state").GetString() != "running")
            {
                return all[0];
            }

            _host.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(100);
        }

        throw new TimeoutException("The distribution never finished.");
    }

    private async Task<JsonElement> ValidateAsync(string customerId, string code) =>
        await (await _checkout.PostJson("/validate", new
        {
            channel = "web",
            customerId,
            codes = new[] { code },
            cart = new { currency = "EUR", lines = new[] { new { lineId = "1", sku = "MUG", quantity = 2, unitPrice = 44 } } },
        })).Expect(HttpStatusCode.OK);
}
