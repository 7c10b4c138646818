using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Promotions.Api.Tests.Admin;

public sealed class AssetTests(AdminApiFixture fixture) : IClassFixture<AdminApiFixture>
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly HttpClient _admin = fixture.Admin();

    [Fact]
    public async Task Upload_ThenDownload_RoundTripsBytesTypeAndName()
    {
        var (campaign, _) = await _admin.Create("/admin/campaigns", AdminBodies.Campaign());
        var bytes = Png(50_000);

        var response = await Upload($"fileName=banner.png&campaignId={campaign.Id()}", bytes, "image/png");

        var asset = await response.Expect(HttpStatusCode.Created);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), asset.GetProperty("sha256").GetString());
        Assert.Equal(bytes.Length, asset.GetProperty("size").GetInt64());
        Assert.Equal(campaign.Id(), asset.GetProperty("campaignId").GetString());
        var metadata = await (await _admin.GetAsync(response.Headers.Location)).Expect(HttpStatusCode.OK);
        Assert.Equal("banner.png", metadata.GetProperty("fileName").GetString());

        var download = await _admin.GetAsync($"/admin/assets/{asset.Id()}/content");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("banner.png", download.Content.Headers.ContentDisposition!.FileName);
    }

    [Fact]
    public async Task Upload_WhenTypeNotAllowed_Returns415()
    {
        var problem = await (await Upload("fileName=page.html", "<html></html>"u8.ToArray(), "text/html")).Expect(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("unsupported_media_type", problem.Code());
    }

    [Fact]
    public async Task Upload_WhenLargerThanTheTypeAllows_Returns413()
    {
        var problem = await (await Upload("fileName=huge.png", Png((10 * 1024 * 1024) + 1), "image/png")).Expect(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal("payload_too_large", problem.Code());
    }

    [Fact]
    public async Task Upload_WhenBytesAreNotTheDeclaredType_ReturnsContentMismatch()
    {
        var pdf = "%PDF-1.7 fake"u8.ToArray();

        var problem = await (await Upload("fileName=trick.png", pdf, "image/png")).Expect(HttpStatusCode.BadRequest);

        Assert.Equal("content_mismatch", problem.Code());
    }

    [Fact]
    public async Task Upload_WhenFileNameMissingOrCampaignUnknown_ReturnsPaths()
    {
        var problem = await (await Upload("campaignId=cmp_missing", Png(100), "image/png")).Expect(HttpStatusCode.BadRequest);

        Assert.Contains(("required", "$.fileName"), problem.Errors());
        Assert.Contains(("unknown_reference", "$.campaignId"), problem.Errors());
    }

    [Fact]
    public async Task Delete_RemovesMetadataAndBytes()
    {
        var asset = await (await Upload("fileName=gone.pdf", "%PDF-1.4 body"u8.ToArray(), "application/pdf")).Expect(HttpStatusCode.Created);

        await (await _admin.Delete($"/admin/assets/{asset.Id()}", null)).Expect(HttpStatusCode.NoContent);

        await (await _admin.GetAsync($"/admin/assets/{asset.Id()}")).Expect(HttpStatusCode.NotFound);
        await (await _admin.GetAsync($"/admin/assets/{asset.Id()}/content")).Expect(HttpStatusCode.NotFound);
    }

    private Task<HttpResponseMessage> Upload(string query, byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return _admin.PostAsync($"/admin/assets?{query}", content);
    }

    private static byte[] Png(int size)
    {
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        PngHeader.CopyTo(bytes, 0);
        return bytes;
    }
}
