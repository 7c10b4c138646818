using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Assets;

namespace Promotions.Api.Tests.Admin;

/// <summary>Upload and download URLs expire, and a session not completed in time is gone, on the host's clock.</summary>
public sealed class AssetSessionExpiryTests(AssetSessionExpiryTests.ClockedFixture fixture) : IClassFixture<AssetSessionExpiryTests.ClockedFixture>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 9, 9, 9, 9];

    private readonly HttpClient _admin = fixture.Admin();

    [Fact]
    public async Task Put_AfterTheUploadUrlExpired_IsRefused()
    {
        var upload = (await BeginAsync()).GetProperty("upload");
        fixture.Clock.Advance(AssetPolicy.UploadUrlLifetime + TimeSpan.FromSeconds(1));

        using var put = await PutAsync(upload);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("url_expired", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_AfterTheSessionEnded_Returns410_AndDeletesIt()
    {
        var session = await BeginAsync();
        using (var put = await PutAsync(session.GetProperty("upload")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        fixture.Clock.Advance(AssetPolicy.UploadUrlLifetime + AssetPolicy.CompletionWindow + TimeSpan.FromSeconds(1));
        using var late = await _admin.PostAsync(new Uri(session.GetProperty("complete").GetString()!, UriKind.Relative), null);
        using var after = await _admin.GetAsync(new Uri(session.GetProperty("complete").GetString()!.Replace("/complete", "", StringComparison.Ordinal), UriKind.Relative));

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Contains("upload_expired", await late.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task DownloadUrl_AfterItsLifetime_IsRefused()
    {
        var content = new ByteArrayContent(Png) { Headers = { ContentType = new("image/png") } };
        using var created = await _admin.PostAsync(new Uri("/admin/assets?fileName=a.png", UriKind.Relative), content);
        var url = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("download").GetProperty("url").GetString()!;
        using (var fresh = await fixture.Anonymous().GetAsync(new Uri(url)))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        fixture.Clock.Advance(AssetPolicy.DownloadUrlLifetime + TimeSpan.FromSeconds(1));
        using var stale = await fixture.Anonymous().GetAsync(new Uri(url));

        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode);
    }

    private async Task<JsonElement> BeginAsync()
    {
        using var response = await _admin.PostAsJsonAsync("/admin/assets/uploads", new { fileName = "a.png", contentType = "image/png", size = Png.Length });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    private Task<HttpResponseMessage> PutAsync(JsonElement upload) =>
        fixture.Anonymous().PutAsync(new Uri(upload.GetProperty("url").GetString()!), new ByteArrayContent(Png) { Headers = { ContentType = new("image/png") } });

    /// <summary>The Admin API on a clock the tests move.</summary>
    public sealed class ClockedFixture : AdminApiFixture
    {
        public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
    }
}
