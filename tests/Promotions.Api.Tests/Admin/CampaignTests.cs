using System.Net;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Api.Tests.Admin;

public sealed class CampaignTests(AdminApiFixture fixture) : IClassFixture<AdminApiFixture>
{
    private readonly HttpClient _admin = fixture.Admin();

    [Fact]
    public async Task Create_WhenValid_ReturnsCreatedWithLocationAndETag()
    {
        var response = await _admin.PostJson("/admin/campaigns", AdminBodies.Campaign());

        var created = await response.Expect(HttpStatusCode.Created);
        Assert.Equal($"/admin/campaigns/{created.Id()}", response.Headers.Location!.ToString());
        Assert.Equal("\"1\"", response.Headers.ETag!.ToString());
        Assert.Equal("draft", created.GetProperty("status").GetString());
        Assert.Equal(5000m, created.GetProperty("budget").GetProperty("amount").GetDecimal());
        Assert.False(created.GetProperty("budget").TryGetProperty("spent", out _));

        var fetched = await _admin.GetAsync(response.Headers.Location);
        var body = await fetched.Expect(HttpStatusCode.OK);
        Assert.Equal("Summer sale", body.GetProperty("name").GetString());
        Assert.Equal("\"1\"", fetched.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Create_WhenNameMissing_ReturnsProblemWithPath()
    {
        var body = AdminBodies.Campaign();
        body.Remove("name");

        var problem = await (await _admin.PostJson("/admin/campaigns", body)).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(("required", "$.name"), problem.Errors());
    }

    [Fact]
    public async Task Create_WhenManyFieldsInvalid_ReturnsEveryErrorAndStoresNothing()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var body = AdminBodies.Campaign(owner);
        body["name"] = new string('x', 201);
        body["endsAt"] = AdminBodies.Start.AddDays(-1);
        body["budget"] = new { amount = 0m, currency = "eur" };
        body["campaignTypeId"] = "ctp_missing";
        body["targetSegmentId"] = "seg_missing";

        var problem = await (await _admin.PostJson("/admin/campaigns", body)).Expect(HttpStatusCode.BadRequest);

        var errors = problem.Errors();
        Assert.Contains(("too_long", "$.name"), errors);
        Assert.Contains(("invalid_range", "$.endsAt"), errors);
        Assert.Contains(("out_of_range", "$.budget.amount"), errors);
        Assert.Contains(("invalid_currency", "$.budget.currency"), errors);
        Assert.Contains(("unknown_reference", "$.campaignTypeId"), errors);
        Assert.Contains(("unknown_reference", "$.targetSegmentId"), errors);
        var list = await (await _admin.GetAsync($"/admin/campaigns?owner={owner}")).Expect(HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Create_WhenUnknownMemberSent_ReturnsProblemWithPath()
    {
        var body = AdminBodies.Campaign();
        body["colour"] = "red";

        var problem = await (await _admin.PostJson("/admin/campaigns", body)).Expect(HttpStatusCode.BadRequest);

        Assert.Equal("malformed_json", problem.Code());
    }

    [Fact]
    public async Task Update_FollowsETags_RequiredThenStaleThenFresh()
    {
        var (created, etag) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var path = $"/admin/campaigns/{created.Id()}";
        var changed = AdminBodies.Campaign();
        changed["name"] = "Renamed";

        var missing = await (await _admin.PutJson(path, changed, null)).Expect((HttpStatusCode)428);
        Assert.Equal("if_match_required", missing.Code());

        var fresh = await _admin.PutJson(path, changed, etag);
        var updated = await fresh.Expect(HttpStatusCode.OK);
        Assert.Equal("Renamed", updated.GetProperty("name").GetString());
        Assert.Equal("\"2\"", fresh.Headers.ETag!.ToString());

        var stale = await (await _admin.PutJson(path, changed, etag)).Expect(HttpStatusCode.PreconditionFailed);
        Assert.Equal("version_conflict", stale.Code());
    }

    [Fact]
    public async Task Update_WhenRacedByManyClientsWithOneETag_ExactlyOneWins()
    {
        var (created, etag) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var path = $"/admin/campaigns/{created.Id()}";

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
        {
            var body = AdminBodies.Campaign();
            body["name"] = $"Writer {i}";
            return _admin.PutJson(path, body, etag);
        }));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(99, responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed));
        var stored = await (await _admin.GetAsync(path)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, stored.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task List_OverManyItemsWithFilters_PagesWithoutDuplicatesOrGaps()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        var (type, _) = await _admin.Create("/admin/campaign-types", new { name = "seasonal" });
        var expected = new HashSet<string>();
        for (var i = 0; i < 120; i++)
        {
            var (c, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign(owner, i % 2 == 0 ? type.Id() : null));
            if (i % 2 == 0)
            {
                expected.Add(c.Id());
            }
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var query = $"/admin/campaigns?owner={owner}&campaignTypeId={type.Id()}&status=draft&limit=7" + (cursor is null ? "" : $"&cursor={cursor}");
            var page = await (await _admin.GetAsync(query)).Expect(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(c => c.Id()));
            cursor = page.TryGetProperty("nextCursor", out var next) ? next.GetString() : null;
        }
        while (cursor is not null);

        Assert.Equal(60, seen.Count);
        Assert.Equal(expected, seen.ToHashSet());
    }

    [Fact]
    public async Task List_WithQ_KeepsCampaignsWhoseNameHoldsItIgnoringCase()
    {
        var owner = "owner-" + Guid.NewGuid().ToString("N");
        foreach (var name in new[] { "Summer SALE", "Winter", "Sale of the year" })
        {
            var body = AdminBodies.Campaign(owner);
            body["name"] = name;
            await _admin.Create("/admin/campaigns", body);
        }

        var page = await (await _admin.GetAsync($"/admin/campaigns?owner={owner}&q=%20sale%20&limit=1")).Expect(HttpStatusCode.OK);
        var cursor = page.GetProperty("nextCursor").GetString();
        var rest = await (await _admin.GetAsync($"/admin/campaigns?owner={owner}&q=sale&limit=1&cursor={cursor}")).Expect(HttpStatusCode.OK);

        var names = page.GetProperty("items").EnumerateArray().Concat(rest.GetProperty("items").EnumerateArray())
            .Select(c => c.GetProperty("name").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(["Sale of the year", "Summer SALE"], names);
    }

    [Theory]
    [InlineData("limit=0", "$.limit")]
    [InlineData("limit=201", "$.limit")]
    [InlineData("limit=abc", "$.limit")]
    [InlineData("cursor=not-a-cursor", "$.cursor")]
    [InlineData("status=running", "$.status")]
    [InlineData("q=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "$.q")]
    public async Task List_WhenQueryInvalid_ReturnsProblemWithPath(string query, string path)
    {
        var problem = await (await _admin.GetAsync($"/admin/campaigns?{query}")).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(path, problem.Errors().Select(e => e.Path));
    }

    [Fact]
    public async Task Lifecycle_LegalMovesApply_IllegalMoveNamesAllowedActions()
    {
        var (created, etag) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var path = $"/admin/campaigns/{created.Id()}/lifecycle";

        var scheduled = await _admin.PostJson(path, new { action = "schedule" }, etag);
        Assert.Equal("scheduled", (await scheduled.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        var activated = await _admin.PostJson(path, new { action = "activate" }, scheduled.Headers.ETag!.ToString());
        Assert.Equal("active", (await activated.Expect(HttpStatusCode.OK)).GetProperty("status").GetString());

        var illegal = await (await _admin.PostJson(path, new { action = "archive" }, activated.Headers.ETag!.ToString()))
            .Expect(HttpStatusCode.Conflict);

        Assert.Equal("illegal_transition", illegal.Code());
        Assert.Contains("pause, end", illegal.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Lifecycle_WhenEndDateHasPassed_RefusesActivation()
    {
        var body = AdminBodies.Campaign();
        body["startsAt"] = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        body["endsAt"] = new DateTimeOffset(2020, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var (created, etag) = await _admin.Create("/admin/campaigns", body);

        var problem = await (await _admin.PostJson($"/admin/campaigns/{created.Id()}/lifecycle", new { action = "activate" }, etag))
            .Expect(HttpStatusCode.Conflict);

        Assert.Equal("window_ended", problem.Code());
    }

    [Fact]
    public async Task Lifecycle_WhenActionUnknownOrIfMatchMissing_ReturnsProblem()
    {
        var (created, etag) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var path = $"/admin/campaigns/{created.Id()}/lifecycle";

        var unknown = await (await _admin.PostJson(path, new { action = "launch" }, etag)).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(("invalid_value", "$.action"), unknown.Errors());
        await (await _admin.PostJson(path, new { action = "activate" })).Expect((HttpStatusCode)428);
    }

    [Fact]
    public async Task Delete_OnlyDraftOrArchivedWithoutPromotions()
    {
        var (active, activeTag) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var activated = await _admin.PostJson($"/admin/campaigns/{active.Id()}/lifecycle", new { action = "activate" }, activeTag);
        var notDeletable = await (await _admin.Delete($"/admin/campaigns/{active.Id()}", activated.Headers.ETag!.ToString()))
            .Expect(HttpStatusCode.Conflict);
        Assert.Equal("not_deletable", notDeletable.Code());

        var (withPromotion, withTag) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        await _admin.Create("/admin/promotions", AdminBodies.Promotion(withPromotion.Id()));
        var inUse = await (await _admin.Delete($"/admin/campaigns/{withPromotion.Id()}", withTag)).Expect(HttpStatusCode.Conflict);
        Assert.Equal("in_use", inUse.Code());

        var (empty, emptyTag) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        await (await _admin.Delete($"/admin/campaigns/{empty.Id()}", null)).Expect((HttpStatusCode)428);
        await (await _admin.Delete($"/admin/campaigns/{empty.Id()}", emptyTag)).Expect(HttpStatusCode.NoContent);
        await (await _admin.GetAsync($"/admin/campaigns/{empty.Id()}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Authorization_ReadersReadButCannotWrite_AnonymousIsRefused()
    {
        var analyst = fixture.As(Roles.Analyst);
        await (await analyst.GetAsync("/admin/campaigns")).Expect(HttpStatusCode.OK);
        await (await analyst.PostJson("/admin/campaigns", AdminBodies.Campaign())).Expect(HttpStatusCode.Forbidden);

        var anonymous = fixture.CreateClient();
        await (await anonymous.GetAsync("/admin/campaigns")).Expect(HttpStatusCode.Unauthorized);
    }
}
