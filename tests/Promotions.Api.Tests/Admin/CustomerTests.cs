using System.Net;

namespace Promotions.Api.Tests.Admin;

public sealed class CustomerTests(AdminApiFixture fixture) : IClassFixture<AdminApiFixture>
{
    private readonly HttpClient _admin = fixture.Admin();

    private static Dictionary<string, object?> Customer(string email, params string[] segmentIds) => new()
    {
        ["email"] = email,
        ["name"] = "Ada",
        ["attributes"] = new { tier = "gold", prefs = new { newsletter = true } },
        ["segmentIds"] = segmentIds,
        ["history"] = new
        {
            orderCount = 3,
            lifetimeSpend = 250.5m,
            lastOrderAt = AdminBodies.Start,
            items = new[] { new { sku = "SKU-1", category = "shoes", purchasedAt = AdminBodies.Start } },
        },
        ["location"] = new { country = "DE", city = "Berlin", latitude = 52.52, longitude = 13.405 },
    };

    [Fact]
    public async Task Crud_CreateGetUpdateDelete_RoundTrips()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        var (created, etag) = await _admin.Create("/admin/customers", Customer(email));
        var path = $"/admin/customers/{created.Id()}";
        Assert.Equal("gold", created.GetProperty("attributes").GetProperty("tier").GetString());
        Assert.Equal(3, created.GetProperty("history").GetProperty("orderCount").GetInt32());
        Assert.Equal("DE", created.GetProperty("location").GetProperty("country").GetString());

        var changed = Customer(email);
        changed["name"] = "Ada L.";
        var updated = await _admin.PutJson(path, changed, etag);
        Assert.Equal("Ada L.", (await updated.Expect(HttpStatusCode.OK)).GetProperty("name").GetString());

        await (await _admin.Delete(path, etag)).Expect(HttpStatusCode.PreconditionFailed);
        await (await _admin.Delete(path, updated.Headers.ETag!.ToString())).Expect(HttpStatusCode.NoContent);
        await (await _admin.GetAsync(path)).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_WhenFieldsInvalid_ReturnsEveryErrorWithPath()
    {
        var body = Customer("not-an-email", "seg_missing");
        body["attributes"] = new[] { 1, 2 };
        body["location"] = new { country = "Germany", latitude = 95.0, longitude = 13.4 };
        body["history"] = new { orderCount = -1, items = new[] { new { category = "shoes" } } };

        var problem = await (await _admin.PostJson("/admin/customers", body)).Expect(HttpStatusCode.BadRequest);

        var errors = problem.Errors();
        Assert.Contains(("invalid_email", "$.email"), errors);
        Assert.Contains(("invalid_type", "$.attributes"), errors);
        Assert.Contains(("unknown_reference", "$.segmentIds[0]"), errors);
        Assert.Contains(("invalid_country", "$.location.country"), errors);
        Assert.Contains(("out_of_range", "$.location.latitude"), errors);
        Assert.Contains(("out_of_range", "$.history.orderCount"), errors);
        Assert.Contains(("required", "$.history.items[0].sku"), errors);
        Assert.Contains(("required", "$.history.items[0].purchasedAt"), errors);
    }

    [Fact]
    public async Task Create_WhenEmailTaken_ReturnsDuplicate()
    {
        var email = $"{Guid.NewGuid():N}@example.com";
        await _admin.Create("/admin/customers", Customer(email));

        var problem = await (await _admin.PostJson("/admin/customers", Customer(email.ToUpperInvariant()))).Expect(HttpStatusCode.Conflict);

        Assert.Contains(("duplicate", "$.email"), problem.Errors());
    }

    [Fact]
    public async Task List_BySegment_ReturnsOnlyItsMembers()
    {
        var (segment, _) = await _admin.Create("/admin/segments", new { name = "VIP" });
        var (member, _) = await _admin.Create("/admin/customers", Customer($"{Guid.NewGuid():N}@example.com", segment.Id()));
        await _admin.Create("/admin/customers", Customer($"{Guid.NewGuid():N}@example.com"));

        var list = await (await _admin.GetAsync($"/admin/customers?segmentId={segment.Id()}")).Expect(HttpStatusCode.OK);

        Assert.Equal([member.Id()], list.GetProperty("items").EnumerateArray().Select(c => c.Id()));
    }
}
