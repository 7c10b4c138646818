using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Promotions.Contracts.Api;

/// <summary>
/// The asset upload flow of the Admin API through the real HTTP pipeline, in either adapter mode: a session,
/// the client's own PUT to the presigned URL (to S3, or to the API itself locally), completion, and the presigned
/// download. A client that lies about type, size or bytes never gets a ready asset: S3 (or the local endpoint)
/// refuses the PUT, or completion finds the lie and discards the upload — where an emulator does not enforce
/// the signed headers, completion is the guarantee.
/// </summary>
public abstract class AssetApiContract
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A client of the Admin API with the admin role.</summary>
    protected abstract HttpClient Admin { get; }

    /// <summary>True when <c>/content</c> redirects to the store (S3) rather than streaming the bytes itself.</summary>
    protected abstract bool RedirectsDownloads { get; }

    [Fact]
    public async Task Session_ThenPutThenComplete_ServesTheVerifiedBytes()
    {
        var (campaignId, bytes) = (await CreateCampaignAsync(), Png(300_000));

        var (session, upload) = await BeginAsync("banner ü.png", "image/png", bytes.Length, campaignId);
        Assert.Equal("pending", session.GetProperty("asset").GetProperty("status").GetString());
        Assert.False(session.GetProperty("asset").TryGetProperty("download", out _));
        Assert.Equal("PUT", upload.GetProperty("method").GetString());
        Assert.True(Uri.IsWellFormedUriString(upload.GetProperty("url").GetString(), UriKind.Absolute));
        using (var put = await PutAsync(upload, bytes))
        {
            Assert.True(put.IsSuccessStatusCode, $"PUT answered {(int)put.StatusCode}");
        }

        var ready = await Expect(await Admin.PostAsync(Complete(session), null), HttpStatusCode.OK);

        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), ready.GetProperty("sha256").GetString());
        Assert.Equal(bytes.Length, ready.GetProperty("size").GetInt64());
        Assert.Equal(campaignId, ready.GetProperty("campaignId").GetString());
        var download = ready.GetProperty("download");
        using var fetched = await SendPresignedAsync(new HttpRequestMessage(HttpMethod.Get, download.GetProperty("url").GetString()));
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Equal(bytes, await fetched.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", fetched.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", fetched.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("banner ü.png", fetched.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(bytes, await ContentAsync(Id(session)));
        var listed = await Expect(await Admin.GetAsync(new Uri("/admin/assets?limit=200", UriKind.Relative)), HttpStatusCode.OK);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == Id(session));
    }

    [Fact]
    public async Task Session_ForAVideoOfTwoHundredMegabytes_IsOpenedWithoutItsBytesPassingThroughTheApi()
    {
        var (session, upload) = await BeginAsync("spot.mp4", "video/mp4", 200L * 1024 * 1024);

        Assert.Equal((200L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture),
            upload.GetProperty("headers").GetProperty("Content-Length").GetString());
        Assert.Equal("video/mp4", upload.GetProperty("headers").GetProperty("Content-Type").GetString());
        Assert.Equal("pending", session.GetProperty("asset").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Session_WhenTheDeclarationIsRefused_ReportsEveryErrorWithItsPath()
    {
        var wrong = await Expect(await Admin.PostAsJsonAsync("/admin/assets/uploads", new { contentType = "text/html", size = 0 }),
            HttpStatusCode.UnsupportedMediaType);
        var huge = await Expect(await Admin.PostAsJsonAsync("/admin/assets/uploads",
            new { fileName = "huge.png", contentType = "image/png", size = (10 * 1024 * 1024) + 1, campaignId = "cmp_missing" }),
            HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal([("unsupported_media_type", "$.contentType"), ("required", "$.fileName"), ("out_of_range", "$.size")], Errors(wrong));
        Assert.Equal([("payload_too_large", "$.size"), ("unknown_reference", "$.campaignId")], Errors(huge));
    }

    [Fact]
    public async Task Complete_BeforeTheBytesArrived_Returns409_AndKeepsTheSession()
    {
        var bytes = Png(10_000);
        var (session, upload) = await BeginAsync("early.png", "image/png", bytes.Length);

        var early = await Expect(await Admin.PostAsync(Complete(session), null), HttpStatusCode.Conflict);
        using (var put = await PutAsync(upload, bytes))
        {
            Assert.True(put.IsSuccessStatusCode);
        }

        Assert.Equal("upload_missing", Code(early));
        await Expect(await Admin.PostAsync(Complete(session), null), HttpStatusCode.OK);
    }

    [Fact]
    public async Task Complete_OfAClientThatLiedAboutTheType_NeverMakesTheAssetReady()
    {
        var bytes = Png(20_000);
        var (session, upload) = await BeginAsync("lie.png", "image/png", bytes.Length);

        using var put = await PutAsync(upload, bytes, contentType: "text/html");

        await AssertRefusedAsync(session, put, "type_mismatch");
    }

    [Theory]
    [InlineData(19_999)]
    [InlineData(20_001)]
    public async Task Complete_OfAClientThatLiedAboutTheSize_NeverMakesTheAssetReady(int sent)
    {
        var (session, upload) = await BeginAsync("lie.png", "image/png", 20_000);

        using var put = await PutAsync(upload, Png(sent));

        await AssertRefusedAsync(session, put, "size_mismatch");
    }

    [Fact]
    public async Task Complete_OfBytesThatAreNotTheDeclaredType_DiscardsThemAndTheSession()
    {
        var html = new byte[5_000];
        "<html><script>alert(document.cookie)</script>"u8.CopyTo(html);
        var (session, upload) = await BeginAsync("banner.png", "image/png", html.Length);
        using (var put = await PutAsync(upload, html))
        {
            Assert.True(put.IsSuccessStatusCode, $"PUT answered {(int)put.StatusCode}");
        }

        var problem = await Expect(await Admin.PostAsync(Complete(session), null), HttpStatusCode.BadRequest);

        Assert.Equal([("content_mismatch", "$.contentType")], Errors(problem));
        await Expect(await Admin.GetAsync(new Uri($"/admin/assets/{Id(session)}", UriKind.Relative)), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Put_ASecondTime_DoesNotReplaceTheFirstBytes()
    {
        var (first, second) = (Png(8_000), Png(8_000));
        var (session, upload) = await BeginAsync("once.png", "image/png", first.Length);
        using (var put = await PutAsync(upload, first))
        {
            Assert.True(put.IsSuccessStatusCode);
        }

        using var again = await PutAsync(upload, second);
        var ready = await Expect(await Admin.PostAsync(Complete(session), null), HttpStatusCode.OK);
        var repeated = await Expect(await Admin.PostAsync(Complete(session), null), HttpStatusCode.OK);

        Assert.False(again.IsSuccessStatusCode, "The upload URL took a second body.");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first)), ready.GetProperty("sha256").GetString());
        Assert.Equal(ready.GetProperty("sha256").GetString(), repeated.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task PendingAsset_IsShownButNotListedNorServed_AndCanBeDeleted()
    {
        var bytes = Png(1_000);
        var (session, upload) = await BeginAsync("pending.png", "image/png", bytes.Length);
        using (var put = await PutAsync(upload, bytes))
        {
            Assert.True(put.IsSuccessStatusCode);
        }

        var shown = await Expect(await Admin.GetAsync(new Uri($"/admin/assets/{Id(session)}", UriKind.Relative)), HttpStatusCode.OK);
        var content = await Expect(await Admin.GetAsync(new Uri($"/admin/assets/{Id(session)}/content", UriKind.Relative)), HttpStatusCode.Conflict);
        var listed = await Expect(await Admin.GetAsync(new Uri("/admin/assets?limit=200", UriKind.Relative)), HttpStatusCode.OK);
        await Expect(await Admin.DeleteAsync(new Uri($"/admin/assets/{Id(session)}", UriKind.Relative)), HttpStatusCode.NoContent);
        var gone = await Expect(await Admin.PostAsync(Complete(session), null), HttpStatusCode.NotFound);

        Assert.Equal("pending", shown.GetProperty("status").GetString());
        Assert.True(shown.TryGetProperty("pendingUntil", out _));
        Assert.Equal("not_ready", Code(content));
        Assert.DoesNotContain(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == Id(session));
        Assert.Equal("not_found", Code(gone));
    }

    [Fact]
    public async Task DirectUpload_OfASmallFile_StillWorks_AndALargerOneIsSentToSessions()
    {
        var small = Png(50_000);
        var tooLarge = Png((4 * 1024 * 1024) + 1);

        var created = await Expect(await UploadDirectAsync("small.png", small), HttpStatusCode.Created);
        var refused = await Expect(await UploadDirectAsync("large.png", tooLarge), HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(small)), created.GetProperty("sha256").GetString());
        Assert.Equal(small, await ContentAsync(created.GetProperty("id").GetString()!));
        Assert.Equal("payload_too_large", Code(refused));
    }

    /// <summary>Sends a request to a presigned URL as a browser would: no token, to wherever the URL points.</summary>
    protected abstract Task<HttpResponseMessage> SendPresignedAsync(HttpRequestMessage request);

    protected static byte[] Png(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        PngHeader.AsSpan(0, Math.Min(size, PngHeader.Length)).CopyTo(bytes);
        return bytes;
    }

    protected static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    protected static string Code(JsonElement problem) => problem.GetProperty("code").GetString()!;

    protected static IReadOnlyList<(string Code, string? Path)> Errors(JsonElement problem) =>
        [.. problem.GetProperty("errors").EnumerateArray().Select(e =>
            (e.GetProperty("code").GetString()!, e.TryGetProperty("path", out var p) ? p.GetString() : null))];

    protected static string Id(JsonElement session) => session.GetProperty("asset").GetProperty("id").GetString()!;

    protected static Uri Complete(JsonElement session) => new(session.GetProperty("complete").GetString()!, UriKind.Relative);

    protected async Task<(JsonElement Session, JsonElement Upload)> BeginAsync(string fileName, string contentType, long size, string? campaignId = null)
    {
        var session = await Expect(await Admin.PostAsJsonAsync("/admin/assets/uploads", new { fileName, contentType, size, campaignId }), HttpStatusCode.Created);
        return (session, session.GetProperty("upload"));
    }

    /// <summary>The client's PUT: the headers it was given, with this body and (when it lies) another content type.</summary>
    protected async Task<HttpResponseMessage> PutAsync(JsonElement upload, byte[] body, string? contentType = null)
    {
        var request = new HttpRequestMessage(new HttpMethod(upload.GetProperty("method").GetString()!), upload.GetProperty("url").GetString())
        {
            Content = new ByteArrayContent(body),
        };
        foreach (var header in upload.GetProperty("headers").EnumerateObject())
        {
            if (header.NameEquals("Content-Type"))
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType ?? header.Value.GetString()!);
            }
            else if (!header.NameEquals("Content-Length"))
            {
                request.Headers.TryAddWithoutValidation(header.Name, header.Value.GetString());
            }
        }

        return await SendPresignedAsync(request);
    }

    /// <summary>The bytes behind <c>/content</c>: streamed locally, or fetched from where it redirects.</summary>
    protected async Task<byte[]> ContentAsync(string id)
    {
        using var response = await Admin.GetAsync(new Uri($"/admin/assets/{id}/content", UriKind.Relative));
        if (RedirectsDownloads)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            using var fetched = await SendPresignedAsync(new HttpRequestMessage(HttpMethod.Get, response.Headers.Location));
            Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
            return await fetched.Content.ReadAsByteArrayAsync();
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private async Task<string> CreateCampaignAsync()
    {
        var created = await Expect(await Admin.PostAsJsonAsync("/admin/campaigns", new { name = "Assets" }), HttpStatusCode.Created);
        return created.GetProperty("id").GetString()!;
    }

    private Task<HttpResponseMessage> UploadDirectAsync(string fileName, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return Admin.PostAsync(new Uri($"/admin/assets?fileName={fileName}", UriKind.Relative), content);
    }

    /// <summary>
    /// A lie is refused at the PUT (S3, or the local endpoint, checks the signed headers) or, where the store took
    /// it (an emulator that does not check them), by completion, which names the lie and discards the upload.
    /// </summary>
    private async Task AssertRefusedAsync(JsonElement session, HttpResponseMessage put, string lie)
    {
        var completion = await Admin.PostAsync(Complete(session), null);
        if (put.IsSuccessStatusCode)
        {
            var problem = await Expect(completion, HttpStatusCode.BadRequest);
            Assert.Contains(Errors(problem), e => e.Code == lie);
            await Expect(await Admin.GetAsync(new Uri($"/admin/assets/{Id(session)}", UriKind.Relative)), HttpStatusCode.NotFound);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
            Assert.Equal("upload_missing", Code(await Expect(completion, HttpStatusCode.Conflict)));
        }
    }
}
