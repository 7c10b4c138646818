using System.Net;
using System.Text;
using System.Text.Json;
using Promotions.Api.Tests.Admin;
using Promotions.Api.Tests.Host;

namespace Promotions.Api.Tests.Analytics;

/// <summary>
/// Catalog events end to end on the embedded host: the Admin API writes them with its changes, the in-process
/// dispatcher delivers them, and Analytics counts the codes issued for the promotion and, through the link the
/// promotion's events carry, for its campaign.
/// </summary>
public sealed class CatalogAnalyticsTests : IClassFixture<CatalogAnalyticsTests.Fixture>
{
    private readonly HttpClient _admin;

    public CatalogAnalyticsTests(Fixture fixture) => _admin = fixture.Factory.Admin();

    [Fact]
    public async Task GeneratedAndImportedCodes_OfAnActivatedPromotion_AreReportedForThePromotionAndItsCampaign()
    {
        var (campaign, campaignTag) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        await (await _admin.PostJson($"/admin/campaigns/{campaign.Id()}/lifecycle", new { action = "activate" }, campaignTag)).Expect(HttpStatusCode.OK);
        var (promotion, promotionTag) = await _admin.Create("/admin/promotions", AdminBodies.Promotion(campaign.Id(), "code"));

        var accepted = await _admin.PostJson($"/admin/promotions/{promotion.Id()}/code-jobs", new { length = 12, count = 40 });
        var job = await WaitForAsync(_admin, accepted.Headers.Location!.ToString(), j => j.GetProperty("state").GetString() is "completed" or "failed");
        using var csv = new StringContent("code\nIMPORTED0001\nIMPORTED0002\nIMPORTED0003\n", Encoding.UTF8, "text/csv");
        var imported = await (await _admin.PostAsync(new Uri($"/admin/promotions/{promotion.Id()}/codes/import", UriKind.Relative), csv)).Expect(HttpStatusCode.OK);
        await (await _admin.PostJson($"/admin/promotions/{promotion.Id()}/lifecycle", new { action = "activate" }, promotionTag)).Expect(HttpStatusCode.OK);

        Assert.Equal(("completed", 40), (job.GetProperty("state").GetString(), job.GetProperty("done").GetInt32()));
        Assert.Equal(3, imported.GetProperty("imported").GetInt32());
        var importJob = await (await _admin.GetAsync(new Uri($"/admin/code-jobs/{imported.GetProperty("jobId").GetString()}", UriKind.Relative))).Expect(HttpStatusCode.OK);
        Assert.Equal(("import", "completed", 3), (importJob.GetProperty("kind").GetString(), importJob.GetProperty("state").GetString(), importJob.GetProperty("done").GetInt32()));
        var byPromotion = await WaitForAsync(_admin, $"/analytics/promotions/{promotion.Id()}", r => Issued(r) == 43);
        var byCampaign = await WaitForAsync(_admin, $"/analytics/campaigns/{campaign.Id()}", r => Issued(r) == 43);
        Assert.Equal((43, 43), (Issued(byPromotion), Issued(byCampaign)));
    }

    private static long Issued(JsonElement report) =>
        report.TryGetProperty("codes", out var codes) ? codes.GetProperty("issued").GetInt64() : 0;

    // Bounded so an event that never arrives fails the test instead of hanging it; the bound is not a performance claim.
    private static async Task<JsonElement> WaitForAsync(HttpClient client, string path, Func<JsonElement, bool> done)
    {
        var last = default(JsonElement);
        for (var attempt = 0; attempt < 240; attempt++)
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                last = await response.ReadJson();
                if (done(last))
                {
                    return last;
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"{path} never reached the expected state; last: {last}");
    }

    /// <summary>The whole local host without demo data, on its own database.</summary>
    public sealed class Fixture : IDisposable
    {
        public LocalHostFactory Factory { get; } = new(demo: false);

        public void Dispose() => Factory.Dispose();
    }
}
