using System.Net;

namespace Promotions.Api.Tests.Admin;

public sealed class CampaignTypeTests(AdminApiFixture fixture) : IClassFixture<AdminApiFixture>
{
    private readonly HttpClient _admin = fixture.Admin();

    [Fact]
    public async Task Crud_CreateGetUpdateDelete_RoundTrips()
    {
        var (created, etag) = await _admin.Create("/admin/campaign-types", new { name = "loyalty", description = "For members" });
        var path = $"/admin/campaign-types/{created.Id()}";
        Assert.StartsWith("ctp_", created.Id());

        var updated = await _admin.PutJson(path, new { name = "loyalty-plus" }, etag);
        Assert.Equal("loyalty-plus", (await updated.Expect(HttpStatusCode.OK)).GetProperty("name").GetString());

        var listed = await (await _admin.GetAsync("/admin/campaign-types?limit=200")).Expect(HttpStatusCode.OK);
        Assert.Contains(created.Id(), listed.GetProperty("items").EnumerateArray().Select(t => t.Id()));

        await (await _admin.Delete(path, etag)).Expect(HttpStatusCode.PreconditionFailed);
        await (await _admin.Delete(path, updated.Headers.ETag!.ToString())).Expect(HttpStatusCode.NoContent);
        await (await _admin.GetAsync(path)).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_WhenNameBlank_ReturnsProblemWithPath()
    {
        var problem = await (await _admin.PostJson("/admin/campaign-types", new { name = "  " })).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(("required", "$.name"), problem.Errors());
    }

    [Fact]
    public async Task Delete_WhenACampaignHasTheType_ReturnsInUse()
    {
        var (type, etag) = await _admin.Create("/admin/campaign-types", new { name = "seasonal" });
        await _admin.Create("/admin/campaigns", AdminBodies.Campaign(campaignTypeId: type.Id()));

        var problem = await (await _admin.Delete($"/admin/campaign-types/{type.Id()}", etag)).Expect(HttpStatusCode.Conflict);

        Assert.Equal("in_use", problem.Code());
    }
}
