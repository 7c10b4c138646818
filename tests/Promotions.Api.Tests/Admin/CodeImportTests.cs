using System.Net;
using System.Text;

namespace Promotions.Api.Tests.Admin;

public sealed class CodeImportTests(AdminApiFixture fixture) : IClassFixture<AdminApiFixture>
{
    private readonly HttpClient _admin = fixture.Admin();

    [Fact]
    public async Task Import_MixedFile_ReportsEveryRejectedLine()
    {
        var promotionId = await CodeJobTests.CodePromotion(_admin);
        var existing = Unique("OLD");
        await Import(promotionId, existing);
        var good = Unique("NEW");
        var lower = Unique("low");
        var customer = await CustomerAsync();
        var csv = string.Join('\n',
            "code,maxUses,expiresAt,assignedCustomerId",
            $"{good},5,2031-01-01T00:00:00Z,{customer}",
            $"{lower.ToLowerInvariant()[..4]}-{lower[4..]}",
            "AB$C",
            $"{good}",
            $"{Unique("M")},0",
            $"{Unique("D")},1,tomorrow",
            existing,
            "",
            "\"unclosed",
            $"{Unique("NOBODY")},1,,cus_00000000000000000000000099");

        var report = await (await Import(promotionId, csv)).Expect(HttpStatusCode.OK);

        Assert.Equal(2, report.GetProperty("imported").GetInt32());
        var rejected = report.GetProperty("rejected").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("errorCode").GetString())).ToList();
        Assert.Equal(
            [(4, "codes.invalid_character"), (5, "duplicate_in_file"), (6, "invalid_max_uses"), (7, "invalid_expires_at"), (8, "duplicate"), (10, "invalid_line"), (11, "customer_not_found")],
            rejected);
        var listed = await (await _admin.GetAsync($"/admin/promotions/{promotionId}/codes?limit=10")).Expect(HttpStatusCode.OK);
        Assert.Contains(lower.ToUpperInvariant(), listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task Export_AfterImport_RoundTripsEveryColumn()
    {
        var promotionId = await CodeJobTests.CodePromotion(_admin);
        string[] customers = [await CustomerAsync(), await CustomerAsync(), await CustomerAsync()];
        var lines = Enumerable.Range(0, 25).Select(i => $"{Unique("RT")},{i + 1},2031-0{(i % 9) + 1}-01T00:00:00.0000000+00:00,{customers[i % 3]}").ToList();
        await (await Import(promotionId, string.Join("\r\n", lines))).Expect(HttpStatusCode.OK);

        var response = await _admin.GetAsync($"/admin/promotions/{promotionId}/codes/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var exported = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("code,maxUses,expiresAt,assignedCustomerId,uses,active", exported[0]);
        var firstFour = exported.Skip(1).Select(l => string.Join(',', l.Split(',')[..4])).ToHashSet();
        Assert.Equal(lines.ToHashSet(), firstFour);
    }

    [Fact]
    public async Task Import_WhenNotCsv_ReturnsUnsupportedMediaType()
    {
        var promotionId = await CodeJobTests.CodePromotion(_admin);
        var content = new StringContent("CODE1", Encoding.UTF8, "application/json");

        var problem = await (await _admin.PostAsync($"/admin/promotions/{promotionId}/codes/import", content)).Expect(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("unsupported_media_type", problem.Code());
    }

    private async Task<string> CustomerAsync()
    {
        var (customer, _) = await _admin.Create("/admin/customers", new { email = $"{Guid.NewGuid():N}@example.com", name = "Ada" });
        return customer.Id();
    }

    private Task<HttpResponseMessage> Import(string promotionId, string csv) =>
        _admin.PostAsync($"/admin/promotions/{promotionId}/codes/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private static string Unique(string prefix) => prefix.ToUpperInvariant() + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
}
