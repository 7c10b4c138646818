using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Promotions.Contracts.Support;
using Promotions.Domain.Assets;
using Promotions.Domain.Common;
using Promotions.Domain.Ports;

namespace Promotions.Contracts.Stores;

/// <summary>
/// The <see cref="IAssetStore"/> contract; adapters supply the store and the way a client sends a presigned
/// request to it (an HTTP request to S3; the embedded store's own transfer handler). Where a store may accept
/// a request that lies about its type or size (an emulator that does not enforce signed headers) the contract
/// asks only that the store never reports the lie as the declared value, which is what completion checks.
/// </summary>
public abstract class AssetStoreContract : IAsyncLifetime
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly FakeTimeProvider _ids = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));

    protected IAssetStore Store { get; private set; } = null!;

    /// <summary>Presigned URLs are checked against the real clock by S3, so expiries here are real times.</summary>
    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Save_ThenGetAndOpen_RoundTripsMetadataAndBytes()
    {
        var bytes = RandomNumberGenerator.GetBytes(300_000);
        var asset = Describe(bytes) with { CampaignId = "cmp_1", PromotionId = "prm_1" };

        await Store.SaveAsync(asset, new MemoryStream(bytes), default);

        Assert.Equal(asset, await Store.GetAsync(asset.Id, default));
        Assert.Equal(bytes, await ReadAllAsync(asset.Id));
    }

    [Fact]
    public async Task Save_AgainWithTheSameId_ReplacesBytesAndMetadata()
    {
        var asset = Describe([1, 2, 3]);
        await Store.SaveAsync(asset, new MemoryStream([1, 2, 3]), default);
        byte[] replacement = [9, 8, 7, 6];
        var replaced = Describe(replacement) with { Id = asset.Id, FileName = "new.png" };

        await Store.SaveAsync(replaced, new MemoryStream(replacement), default);

        Assert.Equal(replaced, await Store.GetAsync(asset.Id, default));
        Assert.Equal(replacement, await ReadAllAsync(asset.Id));
    }

    [Theory]
    [InlineData(10, 11)]
    [InlineData(10, 9)]
    [InlineData(0, 1)]
    public async Task Save_WhenStreamLengthDiffersFromSize_ThrowsAndStoresNothing(int declared, int actual)
    {
        var asset = Describe(new byte[declared]);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => Store.SaveAsync(asset, new MemoryStream(new byte[actual]), default));

        Assert.Null(await Store.GetAsync(asset.Id, default));
        Assert.Null(await Store.OpenReadAsync(asset.Id, default));
    }

    [Fact]
    public async Task Delete_RemovesMetadataAndBytes()
    {
        var asset = Describe([1, 2, 3]);
        await Store.SaveAsync(asset, new MemoryStream([1, 2, 3]), default);

        Assert.True(await Store.DeleteAsync(asset.Id, default));

        Assert.Null(await Store.GetAsync(asset.Id, default));
        Assert.Null(await Store.OpenReadAsync(asset.Id, default));
        Assert.False(await Store.DeleteAsync(asset.Id, default));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("/etc/hosts")]
    [InlineData("ast_missing")]
    [InlineData("")]
    public async Task GetAndOpen_WhenIdIsUnknownOrAPath_ReturnNothing(string id)
    {
        Assert.Null(await Store.GetAsync(id, default));
        Assert.Null(await Store.OpenReadAsync(id, default));
        Assert.Null(await Store.InspectUploadAsync(id, 12, default));
        Assert.Equal(UploadCompletionStatus.NotFound, (await Store.CompleteUploadAsync(id, "tag", default)).Status);
        Assert.False(await Store.DeleteAsync(id, default));
    }

    [Fact]
    public async Task List_AcrossPages_ReturnsEveryReadyAssetOnceInIdOrder_AndNoPendingOne()
    {
        var saved = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var asset = Describe([(byte)i]);
            await Store.SaveAsync(asset, new MemoryStream([(byte)i]), default);
            saved.Add(asset.Id);
        }

        var (pending, _) = await BeginAsync(Png(100));

        var listed = new List<string>();
        string? after = null;
        do
        {
            var page = await Store.ListAsync(new ListQuery(after, 2), default);
            listed.AddRange(page.Items.Select(a => a.Id));
            Assert.All(page.Items, a => Assert.Equal(AssetStatus.Ready, a.Status));
            after = page.NextCursor is null ? null : Cursor.Decode(page.NextCursor).Value;
        }
        while (after is not null);

        Assert.Equal(listed.Order(StringComparer.Ordinal), listed);
        Assert.Equal(listed.Count, listed.Distinct().Count());
        Assert.All(saved, id => Assert.Contains(id, listed));
        Assert.DoesNotContain(pending.Id, listed);
    }

    [Fact]
    public async Task Upload_ThroughThePresignedRequest_ThenComplete_MakesTheAssetReadyWithItsHash()
    {
        var bytes = Png(200_000);
        var (pending, upload) = await BeginAsync(bytes);
        Assert.Equal("PUT", upload.Method);
        Assert.Equal(pending.ContentType, upload.Headers["Content-Type"]);
        Assert.Equal(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), upload.Headers["Content-Length"]);
        Assert.Equal(pending, await Store.GetAsync(pending.Id, default));
        Assert.Null(await Store.InspectUploadAsync(pending.Id, 12, default));

        Assert.True(await SendUploadAsync(pending.Id, upload, bytes, pending.ContentType));

        var received = await Store.InspectUploadAsync(pending.Id, 12, default);
        Assert.NotNull(received);
        Assert.Equal(bytes.Length, received.Size);
        Assert.Equal(pending.ContentType, received.ContentType);
        Assert.Equal(bytes[..12], received.Header.ToArray());
        Assert.Null(await Store.OpenReadAsync(pending.Id, default));

        var completion = await Store.CompleteUploadAsync(pending.Id, received.Tag, default);

        var expected = pending with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), Status = AssetStatus.Ready, PendingUntil = null };
        Assert.Equal(UploadCompletionStatus.Completed, completion.Status);
        Assert.Equal(expected, completion.Asset);
        Assert.Equal(expected, await Store.GetAsync(pending.Id, default));
        Assert.Equal(bytes, await ReadAllAsync(pending.Id));
        Assert.Null(await Store.InspectUploadAsync(pending.Id, 12, default));
        var download = await Store.PresignDownloadAsync(expected, Now.AddMinutes(5), default);
        Assert.Equal("GET", download.Method);
        Assert.Equal(bytes, await SendDownloadAsync(expected.Id, download));
    }

    [Fact]
    public async Task Complete_AgainOrConcurrently_AnswersTheSameReadyAsset()
    {
        var bytes = Png(5_000);
        var (pending, upload) = await BeginAsync(bytes);
        Assert.True(await SendUploadAsync(pending.Id, upload, bytes, pending.ContentType));
        var tag = (await Store.InspectUploadAsync(pending.Id, 12, default))!.Tag;

        var completions = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(() => Store.CompleteUploadAsync(pending.Id, tag, default))));
        var again = await Store.CompleteUploadAsync(pending.Id, "any-tag", default);

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.All(completions, c => Assert.Equal((UploadCompletionStatus.Completed, sha), (c.Status, c.Asset?.Sha256)));
        Assert.Equal((UploadCompletionStatus.Completed, sha), (again.Status, again.Asset?.Sha256));
        Assert.Equal(bytes, await ReadAllAsync(pending.Id));
    }

    [Fact]
    public async Task Complete_BeforeAnythingArrived_OrWithAStaleTag_DoesNotMakeTheAssetReady()
    {
        var bytes = Png(1_000);
        var (pending, upload) = await BeginAsync(bytes);

        Assert.Equal(UploadCompletionStatus.NotFound, (await Store.CompleteUploadAsync(pending.Id, "no-upload-yet", default)).Status);
        Assert.True(await SendUploadAsync(pending.Id, upload, bytes, pending.ContentType));
        Assert.Equal(UploadCompletionStatus.Changed, (await Store.CompleteUploadAsync(pending.Id, "\"not-the-tag\"", default)).Status);

        Assert.Equal(AssetStatus.Pending, (await Store.GetAsync(pending.Id, default))!.Status);
        Assert.Null(await Store.OpenReadAsync(pending.Id, default));
    }

    [Fact]
    public async Task UploadUrl_UsedASecondTime_KeepsTheFirstBytes()
    {
        var first = Png(4_000);
        var second = Png(4_000);
        var (pending, upload) = await BeginAsync(first);

        Assert.True(await SendUploadAsync(pending.Id, upload, first, pending.ContentType));
        Assert.False(await SendUploadAsync(pending.Id, upload, second, pending.ContentType));

        var received = await Store.InspectUploadAsync(pending.Id, 12, default);
        var completion = await Store.CompleteUploadAsync(pending.Id, received!.Tag, default);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(first)), completion.Asset?.Sha256);
    }

    [Fact]
    public async Task Upload_WithAnotherContentType_IsNeverReportedAsTheDeclaredType()
    {
        var bytes = Png(2_000);
        var (pending, upload) = await BeginAsync(bytes);

        await SendUploadAsync(pending.Id, upload, bytes, "text/html");

        var received = await Store.InspectUploadAsync(pending.Id, 12, default);
        Assert.True(received is null || received.ContentType != pending.ContentType, $"A text/html upload was reported as {received?.ContentType}.");
    }

    [Theory]
    [InlineData(1_999)]
    [InlineData(2_001)]
    public async Task Upload_OfAnotherLength_IsNeverReportedAsTheDeclaredSize(int sent)
    {
        var (pending, upload) = await BeginAsync(Png(2_000));

        await SendUploadAsync(pending.Id, upload, Png(sent), pending.ContentType);

        var received = await Store.InspectUploadAsync(pending.Id, 12, default);
        Assert.True(received is null || received.Size == sent, $"A {sent}-byte upload was reported as {received?.Size} bytes.");
    }

    [Fact]
    public async Task Upload_OfOtherBytes_ReportsTheBytesThatArrived()
    {
        var (pending, upload) = await BeginAsync(Png(3_000));
        var script = new byte[3_000];
        "<script>alert(1)</script>"u8.CopyTo(script);

        Assert.True(await SendUploadAsync(pending.Id, upload, script, pending.ContentType));

        var received = await Store.InspectUploadAsync(pending.Id, 12, default);
        Assert.Equal(script[..12], received!.Header.ToArray());
    }

    [Fact]
    public async Task Delete_OfAnUploadSession_RemovesItAndWhatArrived()
    {
        var bytes = Png(1_500);
        var (pending, upload) = await BeginAsync(bytes);
        Assert.True(await SendUploadAsync(pending.Id, upload, bytes, pending.ContentType));

        Assert.True(await Store.DeleteAsync(pending.Id, default));

        Assert.Null(await Store.GetAsync(pending.Id, default));
        Assert.Null(await Store.InspectUploadAsync(pending.Id, 12, default));
        Assert.Equal(UploadCompletionStatus.NotFound, (await Store.CompleteUploadAsync(pending.Id, "tag", default)).Status);
    }

    [Fact]
    public async Task Download_OfADeletedAsset_ServesNothing()
    {
        var bytes = Png(700);
        var asset = Describe(bytes);
        await Store.SaveAsync(asset, new MemoryStream(bytes), default);
        var download = await Store.PresignDownloadAsync(asset, Now.AddMinutes(5), default);
        Assert.Equal(bytes, await SendDownloadAsync(asset.Id, download));

        await Store.DeleteAsync(asset.Id, default);

        Assert.Null(await SendDownloadAsync(asset.Id, download));
    }

    protected abstract Task<IAssetStore> CreateStoreAsync();

    /// <summary>Sends a presigned upload as a client would, with this body and content type; true when the store took it.</summary>
    protected abstract Task<bool> SendUploadAsync(string assetId, PresignedRequest upload, byte[] body, string contentType);

    /// <summary>Sends a presigned download as a client would; the bytes, or null when the store refused.</summary>
    protected abstract Task<byte[]?> SendDownloadAsync(string assetId, PresignedRequest download);

    protected static byte[] Png(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        PngHeader.AsSpan(0, Math.Min(size, PngHeader.Length)).CopyTo(bytes);
        return bytes;
    }

    private async Task<(Asset Pending, PresignedRequest Upload)> BeginAsync(byte[] bytes)
    {
        var expires = Now.AddMinutes(15);
        var pending = Describe(bytes) with { Sha256 = null, Status = AssetStatus.Pending, PendingUntil = expires.AddHours(1) };
        return (pending, await Store.BeginUploadAsync(pending, expires, default));
    }

    private Asset Describe(byte[] bytes) => new(
        Ids.New("ast", _ids), "banner ü.png", "image/png", bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), Samples.OddInstant);

    private async Task<byte[]> ReadAllAsync(string id)
    {
        await using var stream = await Store.OpenReadAsync(id, default);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
