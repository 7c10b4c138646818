using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Api.Tests.Admin;
using Promotions.Domain.Campaigns;
using Promotions.Domain.Events;
using Promotions.Domain.Lifecycle;
using Promotions.Domain.Ports;
using Promotions.ServiceDefaults.Auth;
using static Promotions.Api.Tests.Analytics.AnalyticsApiFixture;

namespace Promotions.Api.Tests.Analytics;

public sealed class AnalyticsApiTests : IClassFixture<AnalyticsApiFixture>
{
    private static readonly DateTimeOffset Day0 = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private const string Range = "from=2025-03-01&to=2025-03-31";

    private readonly AnalyticsApiFixture _fixture;

    public AnalyticsApiTests(AnalyticsApiFixture fixture) => _fixture = fixture;

    [Fact]
    public async Task Ingest_WhenBatchHoldsAMalformedRecord_ReportsOnlyThatRecordAndCountsTheRest()
    {
        var campaign = NewId("cmp");
        var batch = Records(
            EventEnvelope(Redeemed(campaign, "web", 10m, 100m)),
            "{not an envelope",
            EventEnvelope(Redeemed(campaign, "app", 5m, 40m)));

        var response = await PostBatch(_fixture.As(Roles.Admin), batch);

        var failure = Assert.Single(response.GetProperty("batchItemFailures").EnumerateArray());
        Assert.Equal("m1", failure.GetProperty("itemIdentifier").GetString());
        var totals = Totals(await GetReport($"/analytics/campaigns/{campaign}?{Range}"));
        Assert.Equal(2, totals.GetProperty("redemptions").GetInt32());
        Assert.Equal(15m, totals.GetProperty("netDiscount").GetDecimal());
    }

    [Fact]
    public async Task Ingest_WhenTheSameBatchIsPostedBy100ClientsAtOnce_CountsEachEventOnce()
    {
        var campaign = NewId("cmp");
        var batch = Batch(Redeemed(campaign, "web", 10m, 100m), Redeemed(campaign, "web", 20m, 150m),
            Reversed(campaign, 5m));
        var client = _fixture.As(Roles.Admin);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => PostBatch(client, batch)));

        var totals = Totals(await GetReport($"/analytics/campaigns/{campaign}?{Range}"));
        Assert.Equal(2, totals.GetProperty("redemptions").GetInt32());
        Assert.Equal(1, totals.GetProperty("reversals").GetInt32());
        Assert.Equal(25m, totals.GetProperty("netDiscount").GetDecimal());
    }

    [Fact]
    public async Task Campaign_WhenEventsWereIngested_ReturnsBreakdownsRoiAndBudgetBurn()
    {
        var campaign = NewId("cmp");
        var budget = new Campaign(campaign, "Spring", null, null, null, LifecycleStatus.Active, null, new Budget(200m, "EUR"), null, null, Day0, Day0);
        await _fixture.Services.GetRequiredService<ICampaignStore>().CreateAsync(budget, CancellationToken.None);
        var web = Redeemed(campaign, "web", 10m, 100m, segment: "seg_vip");
        await PostBatch(_fixture.As(Roles.Admin), Batch(
            web, Redeemed(campaign, "app", 30m, 90m, day: 1),
            new CodesGenerated(NewId("evt"), Day0, web.PromotionId, "job_1", 100),
            new PromotionPublished(NewId("evt"), Day0, web.PromotionId, campaign, "Spring", Domain.Promotions.PromotionKind.Code, ["web"], null, null)));

        var report = await GetReport($"/analytics/campaigns/{campaign}?{Range}");

        var totals = Totals(report);
        Assert.Equal(40m, totals.GetProperty("netDiscount").GetDecimal());
        Assert.Equal(190m, totals.GetProperty("attributedRevenue").GetDecimal());
        Assert.Equal(3.75m, totals.GetProperty("roi").GetDecimal());
        Assert.Equal(2, report.GetProperty("days").GetArrayLength());
        Assert.Equal(["app", "web"], Keys(report, "channels"));
        Assert.Equal(["seg_vip"], Keys(report, "segments"));
        Assert.Equal(100, report.GetProperty("codes").GetProperty("issued").GetInt32());
        Assert.Equal(0.02m, report.GetProperty("codes").GetProperty("redemptionRate").GetDecimal());
        var burn = report.GetProperty("budget");
        Assert.Equal("catalog", burn.GetProperty("source").GetString());
        Assert.Equal(160m, burn.GetProperty("left").GetDecimal());
        Assert.Equal(20m, burn.GetProperty("usedPercent").GetDecimal());
        Assert.Equal([10m, 40m], burn.GetProperty("days").EnumerateArray().Select(d => d.GetProperty("cumulative").GetDecimal()));
    }

    [Fact]
    public async Task OverviewAndPromotion_WhenEventsWereIngested_BreakDownByCampaignAndChannel()
    {
        var campaign = NewId("cmp");
        var redeemed = Redeemed(campaign, "pos", 4m, 44m);
        await PostBatch(_fixture.As(Roles.Admin), Batch(redeemed));

        var overview = await GetReport($"/analytics/overview?{Range}");
        var promotion = await GetReport($"/analytics/promotions/{redeemed.PromotionId}?{Range}");

        Assert.Contains(campaign, Keys(overview, "campaigns"));
        Assert.Contains(redeemed.PromotionId, Keys(overview, "promotions"));
        Assert.Equal(["pos"], Keys(promotion, "channels"));
        Assert.False(promotion.TryGetProperty("campaigns", out _));
    }

    [Fact]
    public async Task Export_WhenCsvIsAsked_ReturnsOneTableWithSections()
    {
        var campaign = NewId("cmp");
        await PostBatch(_fixture.As(Roles.Admin), Batch(Redeemed(campaign, "web", 10m, 100m)));
        var client = _fixture.As(Roles.Analyst);

        var export = await client.GetAsync($"/analytics/campaigns/{campaign}/export?format=csv&{Range}");
        var accept = new HttpRequestMessage(HttpMethod.Get, $"/analytics/campaigns/{campaign}?{Range}");
        accept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        var negotiated = await client.SendAsync(accept);

        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("section,key,day,currency,redemptions", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("totals,,,EUR,1,1,0,0,10", lines[1], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("channel,web,", StringComparison.Ordinal));
        Assert.Equal(await export.Content.ReadAsStringAsync(), await negotiated.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("from=2025-03-31&to=2025-03-01", "invalid_range", "$.from")]
    [InlineData("from=2024-01-01&to=2025-03-01", "range_too_long", "$.to")]
    [InlineData("from=yesterday", "invalid_date", "$.from")]
    public async Task Campaign_WhenRangeIsBad_ReturnsProblemWithPath(string query, string code, string path)
    {
        var response = await _fixture.As(Roles.Marketer).GetAsync($"/analytics/overview?{query}");

        var problem = await response.Expect(HttpStatusCode.BadRequest);
        Assert.Equal(code, problem.Code());
        Assert.Contains((code, path), problem.Errors());
    }

    [Fact]
    public async Task Export_WhenFormatIsUnknown_ReturnsProblemWithPath()
    {
        var response = await _fixture.As(Roles.Analyst).GetAsync("/analytics/overview/export?format=xlsx");

        var problem = await response.Expect(HttpStatusCode.BadRequest);
        Assert.Contains(("invalid_value", "$.format"), problem.Errors());
    }

    [Fact]
    public async Task Campaign_WhenNeitherCatalogNorEventsKnowIt_ReturnsNotFound()
    {
        var response = await _fixture.As(Roles.Analyst).GetAsync($"/analytics/campaigns/{NewId("cmp")}");

        Assert.Equal("not_found", (await response.Expect(HttpStatusCode.NotFound)).Code());
    }

    [Fact]
    public async Task Endpoints_WhenCallerLacksTheRole_AreRefused()
    {
        var anonymous = _fixture.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/analytics/overview")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _fixture.As(Roles.Support).GetAsync("/analytics/overview")).StatusCode);
        var ingest = await _fixture.As(Roles.Analyst).PostJson("/events/analytics", Batch());
        Assert.Equal(HttpStatusCode.Forbidden, ingest.StatusCode);
    }

    private static string NewId(string prefix) => $"{prefix}_{Guid.NewGuid():N}";

    private static string EventEnvelope(DomainEvent e) => Domain.Analytics.EventEnvelope.Write(e);

    private static RedemptionRecorded Redeemed(string campaign, string channel, decimal discount, decimal orderTotal, int day = 0, string? segment = null) =>
        new(NewId("evt"), Day0.AddDays(day), NewId("red"), "prm_" + campaign, campaign, "CODE1", "cus_1", channel, NewId("ord"),
            orderTotal, discount, "EUR", [], segment is null ? [] : [segment]);

    private static RedemptionReversed Reversed(string campaign, decimal amount) =>
        new(NewId("evt"), Day0, NewId("rev"), NewId("red"), "prm_" + campaign, campaign, "cus_1", amount, 0m, "EUR", false, []);

    private async Task<JsonElement> GetReport(string path) =>
        await (await _fixture.As(Roles.Analyst).GetAsync(path)).Expect(HttpStatusCode.OK);

    private static JsonElement Totals(JsonElement report) => Assert.Single(report.GetProperty("totals").EnumerateArray());

    private static List<string> Keys(JsonElement report, string section) =>
        [.. report.GetProperty(section).EnumerateArray().Select(r => r.GetProperty("key").GetString()!)];
}
