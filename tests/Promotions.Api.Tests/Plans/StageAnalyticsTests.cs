using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Promotions.Api.Tests.Admin;
using Promotions.Api.Tests.Redemption;
using Promotions.Api.Tests.Usage;

namespace Promotions.Api.Tests.Plans;

/// <summary>
/// The whole local host with a fake clock: the three-stage plan runs on the in-process scheduler, checkout redeems in the
/// teaser and in the launch stage, and Analytics reports each stage's redemptions, discount and revenue as checkout
/// recorded them, a reversal made in a later stage subtracting from the stage of the redemption it reverses.
/// </summary>
public sealed class StageAnalyticsTests : IDisposable
{
    private readonly UsageHost _host = new();
    private readonly HttpClient _admin;
    private readonly HttpClient _checkout;
    private int _orders;

    public StageAnalyticsTests()
    {
        _admin = _host.Admin();
        _checkout = _host.Checkout();
    }

    public void Dispose()
    {
        _admin.Dispose();
        _checkout.Dispose();
        _host.Dispose();
    }

    [Fact]
    public async Task StageReport_AfterRedemptionsInTwoStagesAndALaterReversal_CountsEachInTheStageCheckoutRecorded()
    {
        var now = _host.Clock.GetUtcNow();
        var (campaign, tag, teaser, main) = await CampaignAsync(now);
        tag = await PlanApi.PutPlanAsync(_admin, campaign, PlanApi.ThreeStages(teaser, main), tag);
        await (await _admin.PostJson($"/admin/campaigns/{campaign}/lifecycle", new { action = "schedule" }, tag)).Expect(HttpStatusCode.OK);

        // Teaser: 10 % off an order of 100.
        _host.Clock.SetUtcNow(now.AddMinutes(5));
        await PlanApi.StageRanAsync(_admin, _host.Clock, campaign, 0);
        _host.LetCachesExpire();
        await RedeemAsync(teaser, "teaser");

        // Launch: the main promotion at 20 %, twice; the first is returned in full during the last chance.
        _host.Clock.SetUtcNow(now.AddMinutes(15));
        await PlanApi.StageRanAsync(_admin, _host.Clock, campaign, 1);
        _host.LetCachesExpire();
        var returned = await RedeemAsync(main, "launch");
        await RedeemAsync(main, "launch");

        _host.Clock.SetUtcNow(now.AddMinutes(25));
        await PlanApi.StageRanAsync(_admin, _host.Clock, campaign, 2);
        _host.LetCachesExpire();
        using var reversal = await RedemptionApiFixture.PostAsync(_checkout, $"/redemptions/{returned}/reversals", new { }, "stage-reversal");
        await reversal.Expect(HttpStatusCode.Created);

        var day = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var report = await StagesAsync($"/analytics/campaigns/{campaign}/stages?from={day}&to={day}", r => Figure(r, 1, "reversals") == 1m);

        var stages = report.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["teaser", "launch", "last chance"], stages.Select(s => s.GetProperty("name").GetString()));
        Assert.Equal(["applied", "applied", "applied"], stages.Select(s => s.GetProperty("status").GetString()));
        Assert.Equal(stages[1].GetProperty("startedAt").GetDateTimeOffset(), stages[0].GetProperty("endedAt").GetDateTimeOffset());
        Assert.False(stages[2].TryGetProperty("endedAt", out _));
        Assert.Equal((1m, 1m, 10m, 10m, 100m), Figures(report, 0));
        Assert.Equal((2m, 1m, 40m, 20m, 100m), Figures(report, 1));
        Assert.Equal(1m, Figure(report, 1, "reversals"));
        Assert.Empty(stages[2].GetProperty("totals").EnumerateArray());
        Assert.Empty(report.GetProperty("noStage").EnumerateArray());

        // The stages add up to the campaign's totals.
        var totals = (await PlanApi.GetAsync(_admin, $"/analytics/campaigns/{campaign}?from={day}&to={day}")).GetProperty("totals")[0];
        Assert.Equal((3m, 30m, 200m), (totals.GetProperty("redemptions").GetDecimal(), totals.GetProperty("netDiscount").GetDecimal(),
            totals.GetProperty("attributedRevenue").GetDecimal()));
    }

    [Fact]
    public async Task StageReport_WhenTheCampaignIsUnknown_Returns404AndABadRangeReturns400WithItsPath()
    {
        var missing = await (await _admin.GetAsync(new Uri("/analytics/campaigns/cmp_nope/stages", UriKind.Relative))).Expect(HttpStatusCode.NotFound);
        var (campaign, _, _, _) = await CampaignAsync(_host.Clock.GetUtcNow());
        var badRange = await (await _admin.GetAsync(new Uri($"/analytics/campaigns/{campaign}/stages?from=2026-05-04&to=2026-05-01", UriKind.Relative)))
            .Expect(HttpStatusCode.BadRequest);
        var planless = await PlanApi.GetAsync(_admin, $"/analytics/campaigns/{campaign}/stages");

        Assert.Equal("not_found", missing.Code());
        Assert.Contains(("invalid_range", "$.from"), badRange.Errors());
        Assert.False(planless.TryGetProperty("revision", out _));
        Assert.Empty(planless.GetProperty("stages").EnumerateArray());
    }

    /// <summary>The plan tests' campaign, its promotions without a per-customer limit so guests can redeem them.</summary>
    private async Task<(string Campaign, string ETag, string Teaser, string Main)> CampaignAsync(DateTimeOffset now)
    {
        var (campaign, tag, teaser, main) = await PlanApi.CampaignAsync(_admin, now);
        foreach (var promotion in new[] { teaser, main })
        {
            var body = AdminBodies.Promotion(campaign);
            body["name"] = promotion == teaser ? "Teaser: 10% off" : "Summer: 10% off";
            body["effect"] = PlanApi.Percent(10);
            body["perCustomerLimit"] = null;
            var etag = await PlanApi.ETagAsync(_admin, $"/admin/promotions/{promotion}");
            await (await _admin.PutJson($"/admin/promotions/{promotion}", body, etag)).Expect(HttpStatusCode.OK);
        }

        return (campaign, await PlanApi.ETagAsync(_admin, $"/admin/campaigns/{campaign}"), teaser, main);
    }

    // Answers the redemption's id; its answer shows the stage the part was recorded in.
    private async Task<string> RedeemAsync(string promotionId, string stage)
    {
        var order = Interlocked.Increment(ref _orders);
        var body = RedemptionApiFixture.Order(new Seeded("", promotionId, []), orderId: $"stage-order-{order}");
        using var response = await RedemptionApiFixture.PostAsync(_checkout, "/redemptions", body, $"stage-{order}");
        var redemption = await response.Expect(HttpStatusCode.Created);
        Assert.Equal(stage, redemption.GetProperty("applied")[0].GetProperty("stage").GetProperty("name").GetString());
        return redemption.Id();
    }

    // Moves the fake clock (the dispatcher's poll interval runs on it) until the report shows what the test waits for.
    private async Task<JsonElement> StagesAsync(string path, Func<JsonElement, bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var report = await PlanApi.GetAsync(_admin, path);
            if (done(report))
            {
                return report;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), $"Analytics never showed the stages: {report}");
            _host.Clock.Advance(TimeSpan.FromMilliseconds(200));
            await Task.Delay(50);
        }
    }

    private static decimal Figure(JsonElement report, int stage, string name) =>
        report.GetProperty("stages")[stage].GetProperty("totals") is { ValueKind: JsonValueKind.Array } totals && totals.GetArrayLength() > 0
            ? totals[0].GetProperty(name).GetDecimal()
            : 0m;

    private static (decimal Redemptions, decimal NetRedemptions, decimal DiscountGiven, decimal NetDiscount, decimal AttributedRevenue) Figures(
        JsonElement report, int stage) =>
        (Figure(report, stage, "redemptions"), Figure(report, stage, "netRedemptions"), Figure(report, stage, "discountGiven"),
            Figure(report, stage, "netDiscount"), Figure(report, stage, "attributedRevenue"));
}
