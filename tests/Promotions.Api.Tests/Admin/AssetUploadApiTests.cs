using System.Net;
using Promotions.Contracts.Api;

namespace Promotions.Api.Tests.Admin;

/// <summary>
/// The asset upload flow on the embedded adapters: the presigned URLs point at the Admin API itself, which plays
/// S3's part, so the same client code runs locally and on AWS. Local-only checks follow the shared ones.
/// </summary>
public sealed class AssetUploadApiTests(AdminApiFixture fixture) : AssetApiContract, IClassFixture<AdminApiFixture>
{
    private readonly HttpClient _admin = fixture.Admin();

    protected override HttpClient Admin => _admin;

    protected override bool RedirectsDownloads => false;

    [Fact]
    public async Task LocalUrls_AreThisApisOwn_AndRefuseATamperedSignatureWithAProblem()
    {
        var bytes = Png(4_000);
        var (_, upload) = await BeginAsync("a.png", "image/png", bytes.Length);
        var url = upload.GetProperty("url").GetString()!;
        Assert.StartsWith("http://localhost/admin/assets/ast_", url, StringComparison.Ordinal);

        using var tampered = await fixture.Anonymous().PutAsync(new Uri(url[..^3] + "AAA"), new ByteArrayContent(bytes)
        {
            Headers = { ContentType = new("image/png") },
        });

        var problem = await Expect(tampered, HttpStatusCode.Forbidden);
        Assert.Equal("signature_invalid", Code(problem));
    }

    [Fact]
    public async Task LocalDownloadUrl_WithAnotherAssetsId_IsRefused()
    {
        var first = await Expect(await UploadAsync("one.pdf"), HttpStatusCode.Created);
        var second = await Expect(await UploadAsync("two.pdf"), HttpStatusCode.Created);
        var url = first.GetProperty("download").GetProperty("url").GetString()!;

        using var swapped = await fixture.Anonymous().GetAsync(new Uri(url.Replace(first.GetProperty("id").GetString()!, second.GetProperty("id").GetString()!, StringComparison.Ordinal)));

        Assert.Equal("signature_invalid", Code(await Expect(swapped, HttpStatusCode.Forbidden)));
    }

    protected override Task<HttpResponseMessage> SendPresignedAsync(HttpRequestMessage request) => fixture.Anonymous().SendAsync(request);

    private Task<HttpResponseMessage> UploadAsync(string fileName)
    {
        var content = new ByteArrayContent("%PDF-1.7 body"u8.ToArray());
        content.Headers.ContentType = new("application/pdf");
        return _admin.PostAsync(new Uri($"/admin/assets?fileName={fileName}", UriKind.Relative), content);
    }
}
