using System.Net;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Api;
using Promotions.ServiceDefaults.Auth;

namespace Promotions.Aws.Tests.Api;

/// <summary>
/// The asset upload flow of the Admin API in the AWS mode: the session's presigned PUT goes to S3 (moto) over
/// real HTTP, completion checks the object there, and downloads are presigned GETs of S3. moto does not enforce
/// the signed Content-Type and Content-Length, so the lying clients of the shared tests reach completion here,
/// which is what proves that completion catches them.
/// </summary>
public sealed class AssetUploadApiTests(AssetUploadApiTests.Host host) : AssetApiContract, IClassFixture<AssetUploadApiTests.Host>
{
    private static readonly HttpClient Internet = new();

    protected override HttpClient Admin => host.Admin;

    protected override bool RedirectsDownloads => true;

    [Fact]
    public async Task UploadUrl_PointsAtThePendingKeyOfTheAssetsBucket_AndTheLocalRoutesAreClosed()
    {
        var (session, upload) = await BeginAsync("a.png", "image/png", 100);
        var url = new Uri(upload.GetProperty("url").GetString()!);

        using var local = await host.Admin.PutAsync(new Uri($"/admin/assets/{Id(session)}/upload", UriKind.Relative), new ByteArrayContent(Png(100)));

        Assert.StartsWith($"/{host.AssetsBucket}/pending/{Id(session)}", url.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal("*", upload.GetProperty("headers").GetProperty("If-None-Match").GetString());
        Assert.Equal(HttpStatusCode.NotFound, local.StatusCode);
    }

    protected override Task<HttpResponseMessage> SendPresignedAsync(HttpRequestMessage request) => Internet.SendAsync(request);

    /// <summary>The Admin API on the AWS adapters, for the class.</summary>
    public sealed class Host : AwsTestResources
    {
        private AwsServiceFactory<Promotions.AdminApi.Program>? _factory;

        public HttpClient Admin { get; private set; } = null!;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            _factory = new AwsServiceFactory<Promotions.AdminApi.Program>(this);
            Admin = _factory.As(Roles.Admin);
        }

        public override async Task DisposeAsync()
        {
            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }

            await base.DisposeAsync();
        }
    }
}
