using System.Net;

namespace Promotions.Api.Tests.Admin;

public sealed class SegmentTests(AdminApiFixture fixture) : IClassFixture<AdminApiFixture>
{
    private static readonly object GoldCriteria = new { fact = "customer.attributes.tier", op = "eq", value = "gold" };

    private readonly HttpClient _admin = fixture.Admin();

    [Fact]
    public async Task Crud_CreateGetUpdateDelete_RoundTrips()
    {
        var (created, etag) = await _admin.Create("/admin/segments", new { name = "Gold", criteria = GoldCriteria });
        var path = $"/admin/segments/{created.Id()}";
        Assert.Equal("customer.attributes.tier", created.GetProperty("criteria").GetProperty("fact").GetString());

        var updated = await _admin.PutJson(path, new { name = "Gold members", criteria = new { any = new[] { GoldCriteria } } }, etag);
        var body = await updated.Expect(HttpStatusCode.OK);
        Assert.Equal("Gold members", body.GetProperty("name").GetString());

        var fetched = await (await _admin.GetAsync(path)).Expect(HttpStatusCode.OK);
        Assert.True(fetched.GetProperty("criteria").TryGetProperty("any", out _));
        await (await _admin.Delete(path, updated.Headers.ETag!.ToString())).Expect(HttpStatusCode.NoContent);
        await (await _admin.GetAsync(path)).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_WhenCriteriaInvalid_ReturnsPathsUnderCriteria()
    {
        var criteria = new { any = new object[] { GoldCriteria, new { fact = "customer.tier", op = "eq", value = "x" } } };

        var problem = await (await _admin.PostJson("/admin/segments", new { name = "", criteria })).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(("required", "$.name"), problem.Errors());
        Assert.Contains("$.criteria.any[1].fact", problem.Errors().Select(e => e.Path));
    }

    [Fact]
    public async Task Delete_WhenACampaignTargetsIt_ReturnsInUse()
    {
        var (segment, etag) = await _admin.Create("/admin/segments", new { name = "Targeted", criteria = GoldCriteria });
        var campaign = AdminBodies.Campaign();
        campaign["targetSegmentId"] = segment.Id();
        await _admin.Create("/admin/campaigns", campaign);

        var problem = await (await _admin.Delete($"/admin/segments/{segment.Id()}", etag)).Expect(HttpStatusCode.Conflict);

        Assert.Equal("in_use", problem.Code());
    }
}
