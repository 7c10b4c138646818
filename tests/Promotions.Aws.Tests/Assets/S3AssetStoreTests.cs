using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Promotions.Aws.Tests.Support;
using Promotions.Contracts.Stores;
using Promotions.Domain.Assets;
using Promotions.Domain.Ports;

namespace Promotions.Aws.Tests.Assets;

/// <summary>
/// The asset contract on DynamoDB and S3 (moto): presigned requests are real HTTP requests to the presigned URLs,
/// sent with the headers the store handed out (a lying client changes only its own content type or body).
/// </summary>
public sealed class S3AssetStoreTests(S3AssetStoreTests.Resources aws) : AssetStoreContract, IClassFixture<S3AssetStoreTests.Resources>
{
    private static readonly HttpClient Http = new();

    protected override Task<IAssetStore> CreateStoreAsync() => Task.FromResult(aws.Services.GetRequiredService<IAssetStore>());

    protected override async Task<bool> SendUploadAsync(string assetId, PresignedRequest upload, byte[] body, string contentType)
    {
        using var request = new HttpRequestMessage(new HttpMethod(upload.Method), upload.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in upload.Headers.Where(h => h.Key is not ("Content-Type" or "Content-Length")))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await Http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    protected override async Task<byte[]?> SendDownloadAsync(string assetId, PresignedRequest download)
    {
        using var response = await Http.GetAsync(new Uri(download.Url));
        return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync() : null;
    }

    [Fact]
    public async Task BeginUpload_SignsTypeLengthAndSingleUse_AndThePendingItemExpiresUnlisted()
    {
        var now = TimeProvider.System.GetUtcNow();
        var pending = new Asset(Domain.Common.Ids.New("ast", TimeProvider.System), "clip.mp4", "video/mp4", 1234, null, now,
            Status: AssetStatus.Pending, PendingUntil: now.AddHours(1));

        var upload = await Store.BeginUploadAsync(pending, now.AddMinutes(15), default);

        var signed = System.Web.HttpUtility.ParseQueryString(new Uri(upload.Url).Query)["X-Amz-SignedHeaders"]!.Split(';');
        Assert.Superset(new HashSet<string> { "content-length", "content-type", "if-none-match", "host" }, signed.ToHashSet());
        Assert.Contains("/pending/" + pending.Id, upload.Url, StringComparison.Ordinal);
        Assert.Equal("*", upload.Headers["If-None-Match"]);
        var item = (await aws.DynamoDb.GetItemAsync(aws.Table, Promotions.Aws.Dynamo.Attr.Key("ASSET#" + pending.Id, "#META"))).Item;
        Assert.Equal(pending.PendingUntil!.Value.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["ttl"].N);
        Assert.False(item.ContainsKey("gsi1pk"));
    }

    [Fact]
    public async Task Complete_StoresTheObjectWithItsTypeAndFileName_ListsIt_AndDropsThePendingObject()
    {
        var bytes = Png(2_048);
        var now = TimeProvider.System.GetUtcNow();
        var pending = new Asset(Domain.Common.Ids.New("ast", TimeProvider.System), "Sommer Aktion ü.png", "image/png", bytes.Length, null, now,
            Status: AssetStatus.Pending, PendingUntil: now.AddHours(1));
        var upload = await Store.BeginUploadAsync(pending, now.AddMinutes(15), default);
        Assert.True(await SendUploadAsync(pending.Id, upload, bytes, "image/png"));

        var completion = await Store.CompleteUploadAsync(pending.Id, (await Store.InspectUploadAsync(pending.Id, 12, default))!.Tag, default);

        Assert.Equal(UploadCompletionStatus.Completed, completion.Status);
        var head = await aws.S3.GetObjectMetadataAsync(aws.AssetsBucket, "assets/" + pending.Id);
        Assert.Equal("image/png", head.Headers.ContentType);
        Assert.Equal(AssetPolicy.ContentDisposition(pending.FileName), head.Headers.ContentDisposition);
        var listed = await aws.S3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = aws.AssetsBucket, Prefix = "pending/" + pending.Id });
        Assert.Empty(listed.S3Objects ?? []);
        var item = (await aws.DynamoDb.GetItemAsync(aws.Table, Promotions.Aws.Dynamo.Attr.Key("ASSET#" + pending.Id, "#META"))).Item;
        Assert.Equal(("ASSETS", pending.Id), (item["gsi1pk"].S, item["gsi1sk"].S));
        Assert.False(item.ContainsKey("ttl"));
    }

    /// <summary>One pair of tables and one bucket for the class.</summary>
    public sealed class Resources : AwsTestResources;
}
