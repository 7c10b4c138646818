using System.Net;

namespace Promotions.Api.Tests.Admin;

/// <summary>A campaign budget's pacing through the Admin API: stored and shown, every wrong field with its path.</summary>
public sealed class CampaignPacingTests(AdminApiFixture fixture) : IClassFixture<AdminApiFixture>
{
    private readonly HttpClient _admin = fixture.Admin();

    [Fact]
    public async Task Create_WithEvenPacing_StoresItWithTheDefaultTolerance()
    {
        var body = AdminBodies.Campaign();
        body["budget"] = new { amount = 5000m, currency = "EUR", pacing = new { mode = "even" } };

        var created = await (await _admin.PostJson("/admin/campaigns", body)).Expect(HttpStatusCode.Created);

        var pacing = created.GetProperty("budget").GetProperty("pacing");
        Assert.Equal(("even", 0.1m), (pacing.GetProperty("mode").GetString(), pacing.GetProperty("tolerance").GetDecimal()));
    }

    [Fact]
    public async Task Create_WithDailyPacing_StoresTheDailyAmount()
    {
        var body = AdminBodies.Campaign();
        body["budget"] = new { amount = 5000m, currency = "EUR", pacing = new { mode = "daily", amount = 250m } };

        var created = await (await _admin.PostJson("/admin/campaigns", body)).Expect(HttpStatusCode.Created);
        var read = await (await _admin.GetAsync($"/admin/campaigns/{created.Id()}")).Expect(HttpStatusCode.OK);

        var pacing = read.GetProperty("budget").GetProperty("pacing");
        Assert.Equal(("daily", 250m), (pacing.GetProperty("mode").GetString(), pacing.GetProperty("amount").GetDecimal()));
    }

    [Theory]
    [InlineData("even", 1.5, null, "$.budget.pacing.tolerance")]
    [InlineData("even", null, 100.0, "$.budget.pacing.amount")]
    [InlineData("daily", null, null, "$.budget.pacing.amount")]
    [InlineData("daily", null, 6000.0, "$.budget.pacing.amount")]
    [InlineData("daily", 0.1, 100.0, "$.budget.pacing.tolerance")]
    [InlineData(null, null, null, "$.budget.pacing.mode")]
    public async Task Create_WhenPacingIsWrong_ReturnsItsPath(string? mode, double? tolerance, double? amount, string path)
    {
        var body = AdminBodies.Campaign();
        body["budget"] = new { amount = 5000m, currency = "EUR", pacing = new { mode, tolerance, amount } };

        var problem = await (await _admin.PostJson("/admin/campaigns", body)).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(problem.Errors(), e => e.Path == path);
    }

    [Fact]
    public async Task Create_WithEvenPacingAndNoEnd_ReturnsTheModesPath()
    {
        var body = AdminBodies.Campaign();
        body.Remove("endsAt");
        body["budget"] = new { amount = 5000m, currency = "EUR", pacing = new { mode = "even", tolerance = 0.2m } };

        var problem = await (await _admin.PostJson("/admin/campaigns", body)).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(("window_required", "$.budget.pacing.mode"), problem.Errors());
    }
}
