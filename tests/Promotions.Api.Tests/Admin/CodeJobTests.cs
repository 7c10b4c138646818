using System.Net;

namespace Promotions.Api.Tests.Admin;

public sealed class CodeJobTests(AdminApiFixture fixture) : IClassFixture<AdminApiFixture>
{
    private readonly HttpClient _admin = fixture.Admin();

    [Fact]
    public async Task Generate_100000Codes_CompletesWithEveryCodeUniqueAndCounted()
    {
        var promotionId = await CodePromotion(_admin);

        var accepted = await _admin.PostJson($"/admin/promotions/{promotionId}/code-jobs", new { pattern = "SUMMER-****-****", count = 100_000, maxUses = 1 });

        var job = await accepted.Expect(HttpStatusCode.Accepted);
        Assert.Equal($"/admin/code-jobs/{job.Id()}", accepted.Headers.Location!.ToString());
        Assert.Equal(100_000, job.GetProperty("total").GetInt32());
        var finished = await WaitForJob(_admin, accepted.Headers.Location.ToString());
        Assert.Equal("completed", finished.GetProperty("state").GetString());
        Assert.Equal(100_000, finished.GetProperty("done").GetInt32());

        var export = await _admin.GetStringAsync($"/admin/promotions/{promotionId}/codes/export");
        var codes = export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(100_000, codes.Count);
        Assert.Equal(100_000, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, c => Assert.StartsWith("SUMMER", c));
    }

    [Fact]
    public async Task Generate_WhenCodeSpaceTooSmall_RefusesWithTheNumbers()
    {
        var promotionId = await CodePromotion(_admin);

        var problem = await (await _admin.PostJson($"/admin/promotions/{promotionId}/code-jobs", new { length = 8, count = 1_000_000 }))
            .Expect(HttpStatusCode.BadRequest);

        Assert.Equal("codes.insufficient_entropy", problem.Code());
        Assert.Equal("$.count", problem.Errors()[0].Path);
        Assert.Contains("377,801", problem.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Generate_WhenSpecInvalid_ReturnsEveryErrorWithPath()
    {
        var promotionId = await CodePromotion(_admin);

        var problem = await (await _admin.PostJson($"/admin/promotions/{promotionId}/code-jobs",
            new { pattern = "AB!-####", charset = "AA", count = 0, maxUses = 0, expiresAt = AdminBodies.Start.AddYears(-20) }))
            .Expect(HttpStatusCode.BadRequest);

        var paths = problem.Errors().Select(e => e.Path).ToList();
        Assert.Contains("$.pattern", paths);
        Assert.Contains("$.charset", paths);
        Assert.Contains("$.count", paths);
        Assert.Contains("$.maxUses", paths);
        Assert.Contains("$.expiresAt", paths);
    }

    [Fact]
    public async Task Generate_ForAutomaticPromotion_ReturnsConflict()
    {
        var (campaign, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var (promotion, _) = await _admin.Create("/admin/promotions", AdminBodies.Promotion(campaign.Id()));

        var problem = await (await _admin.PostJson($"/admin/promotions/{promotion.Id()}/code-jobs", new { length = 10, count = 10 }))
            .Expect(HttpStatusCode.Conflict);

        Assert.Equal("not_code_promotion", problem.Code());
    }

    [Fact]
    public async Task GetJob_WhenUnknown_ReturnsNotFound()
    {
        var problem = await (await _admin.GetAsync("/admin/code-jobs/cjb_missing")).Expect(HttpStatusCode.NotFound);

        Assert.Equal("not_found", problem.Code());
    }

    internal static async Task<string> CodePromotion(HttpClient admin)
    {
        var (campaign, _) = await admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var (promotion, _) = await admin.Create("/admin/promotions", AdminBodies.Promotion(campaign.Id(), "code"));
        return promotion.Id();
    }

    // Bounded so a stuck job fails the test instead of hanging it; the bound is not a performance claim.
    private static async Task<System.Text.Json.JsonElement> WaitForJob(HttpClient admin, string location)
    {
        for (var attempt = 0; attempt < 1200; attempt++)
        {
            var job = await (await admin.GetAsync(location)).Expect(HttpStatusCode.OK);
            if (job.GetProperty("state").GetString() is "completed" or "failed")
            {
                return job;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The job at {location} did not finish.");
    }
}
