using System.Web;
using Microsoft.Extensions.Time.Testing;
using Promotions.Domain.Assets;
using Promotions.Embedded.Assets;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Assets;

/// <summary>
/// The embedded store's presigned URLs hold what S3's hold: nothing in the URL or the signed headers can be
/// changed, they expire, an upload URL takes its bytes once and exactly its length, and abandoned sessions go.
/// </summary>
public sealed class LocalAssetTransfersTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4, 5, 6, 7, 8];

    private readonly TempDatabase _temp = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FileAssetStore _store;
    private readonly LocalAssetTransfers _transfers;

    public LocalAssetTransfersTests()
    {
        var signer = new LocalUrlSigner(_temp.Database);
        _store = new FileAssetStore(_temp.Database, signer, _clock);
        _transfers = new LocalAssetTransfers(_temp.Database, _store, signer, _clock);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Receive_WithTheSignedHeaders_Accepts_AndTheKeyFileIsOwnerOnly()
    {
        var (id, query) = await BeginAsync();

        Assert.Equal(TransferOutcome.Accepted, await ReceiveAsync(id, query["expires"], query["signature"], "image/png", Png));

        var keyFile = Path.Combine(_temp.DataDirectory, LocalUrlSigner.KeyFileName);
        Assert.True(Convert.FromBase64String(await File.ReadAllTextAsync(keyFile)).Length >= 32);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        }
    }

    [Theory]
    [InlineData("expires")]
    [InlineData("signature")]
    [InlineData("content-type")]
    [InlineData("charset")]
    [InlineData("length")]
    [InlineData("other-asset")]
    public async Task Receive_WithAnythingSignedChanged_IsRefusedAndStoresNothing(string changed)
    {
        var (id, query) = await BeginAsync();
        var (other, _) = await BeginAsync();
        var expires = changed == "expires" ? (long.Parse(query["expires"]!, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture) : query["expires"];
        var signature = changed == "signature" ? query["signature"]![..^2] + "AA" : query["signature"];
        var contentType = changed switch { "content-type" => "image/gif", "charset" => "image/png; charset=utf-8", _ => "image/png" };
        byte[] body = changed == "length" ? [.. Png, 0] : Png;

        var outcome = await ReceiveAsync(changed == "other-asset" ? other : id, expires, signature, contentType, body);

        Assert.Equal(TransferOutcome.SignatureInvalid, outcome);
        Assert.Null(await _store.InspectUploadAsync(id, 12, default));
        Assert.Null(await _store.InspectUploadAsync(other, 12, default));
    }

    [Fact]
    public async Task Receive_AfterTheUrlExpired_IsRefused()
    {
        var (id, query) = await BeginAsync();
        _clock.Advance(AssetPolicy.UploadUrlLifetime + TimeSpan.FromSeconds(1));

        Assert.Equal(TransferOutcome.Expired, await ReceiveAsync(id, query["expires"], query["signature"], "image/png", Png));
    }

    [Fact]
    public async Task Receive_OfAShorterBodyThanItsContentLength_IsRefusedAndLeavesTheUrlUsable()
    {
        var (id, query) = await BeginAsync();
        var truncated = new SignedTransfer(id, query["expires"], query["signature"], "image/png", Png.Length);

        Assert.Equal(TransferOutcome.LengthMismatch, await _transfers.ReceiveAsync(truncated, new MemoryStream(Png[..10]), default));
        Assert.Null(await _store.InspectUploadAsync(id, 12, default));
        Assert.Equal(TransferOutcome.Accepted, await ReceiveAsync(id, query["expires"], query["signature"], "image/png", Png));
    }

    [Fact]
    public async Task Receive_ManyAtOnce_StoresExactlyOneBody()
    {
        var (id, query) = await BeginAsync();
        var bodies = Enumerable.Range(0, 50).Select(i => (byte[])[.. Png[..8], .. Enumerable.Repeat((byte)i, 8)]).ToArray();

        var outcomes = await Task.WhenAll(bodies.Select(b => Task.Run(() => ReceiveAsync(id, query["expires"], query["signature"], "image/png", b))));

        Assert.Single(outcomes, o => o == TransferOutcome.Accepted);
        Assert.All(outcomes.Where(o => o != TransferOutcome.Accepted), o => Assert.Equal(TransferOutcome.AlreadyUsed, o));
        var received = await _store.InspectUploadAsync(id, 16, default);
        Assert.Contains(bodies, b => b.AsSpan().SequenceEqual(received!.Header.Span));
    }

    [Fact]
    public async Task Receive_AfterCompletion_IsRefused()
    {
        var (id, query) = await BeginAsync();
        await ReceiveAsync(id, query["expires"], query["signature"], "image/png", Png);
        var tag = (await _store.InspectUploadAsync(id, 12, default))!.Tag;
        Assert.Equal(UploadCompletionStatus.Completed, (await _store.CompleteUploadAsync(id, tag, default)).Status);

        Assert.Equal(TransferOutcome.AlreadyUsed, await ReceiveAsync(id, query["expires"], query["signature"], "image/png", Png));
    }

    [Fact]
    public async Task Open_WithATamperedOrExpiredUrl_IsRefused()
    {
        var asset = new Asset("ast_download", "a.png", "image/png", Png.Length, "00", _clock.GetUtcNow());
        await _store.SaveAsync(asset, new MemoryStream(Png), default);
        var download = await _store.PresignDownloadAsync(asset, _clock.GetUtcNow().AddMinutes(10), default);
        var query = HttpUtility.ParseQueryString(download.Url[(download.Url.IndexOf('?', StringComparison.Ordinal) + 1)..]);

        var ok = await _transfers.OpenAsync(new SignedTransfer(asset.Id, query["expires"], query["signature"]), default);
        await ok.Content!.DisposeAsync();
        var otherAsset = await _transfers.OpenAsync(new SignedTransfer("ast_other", query["expires"], query["signature"]), default);
        _clock.Advance(TimeSpan.FromMinutes(11));
        var late = await _transfers.OpenAsync(new SignedTransfer(asset.Id, query["expires"], query["signature"]), default);

        Assert.Equal(TransferOutcome.Accepted, ok.Outcome);
        Assert.Equal(TransferOutcome.SignatureInvalid, otherAsset.Outcome);
        Assert.Equal(TransferOutcome.Expired, late.Outcome);
    }

    [Fact]
    public async Task Url_SignedWithAnotherDataDirectorysKey_IsRefused()
    {
        using var elsewhere = new TempDatabase();
        var foreign = new FileAssetStore(elsewhere.Database, new LocalUrlSigner(elsewhere.Database), _clock);
        var (id, _) = await BeginAsync();
        var pending = (await _store.GetAsync(id, default))!;
        var forged = await foreign.BeginUploadAsync(pending, _clock.GetUtcNow().AddMinutes(15), default);
        var query = HttpUtility.ParseQueryString(forged.Url[(forged.Url.IndexOf('?', StringComparison.Ordinal) + 1)..]);

        Assert.Equal(TransferOutcome.SignatureInvalid, await ReceiveAsync(id, query["expires"], query["signature"], "image/png", Png));
    }

    [Fact]
    public async Task BeginUpload_SweepsSessionsWhoseTimeRanOut_WithTheirBytes()
    {
        var (abandoned, query) = await BeginAsync();
        await ReceiveAsync(abandoned, query["expires"], query["signature"], "image/png", Png);
        _clock.Advance(AssetPolicy.UploadUrlLifetime + AssetPolicy.CompletionWindow + TimeSpan.FromSeconds(1));

        var (fresh, _) = await BeginAsync();

        Assert.Null(await _store.GetAsync(abandoned, default));
        Assert.False(File.Exists(Path.Combine(_temp.Database.AssetsDirectory, "pending", abandoned)));
        Assert.NotNull(await _store.GetAsync(fresh, default));
    }

    private async Task<(string Id, System.Collections.Specialized.NameValueCollection Query)> BeginAsync()
    {
        var now = _clock.GetUtcNow();
        var pending = new Asset(Domain.Common.Ids.New("ast", _clock), "a.png", "image/png", Png.Length, null, now,
            Status: AssetStatus.Pending, PendingUntil: now + AssetPolicy.UploadUrlLifetime + AssetPolicy.CompletionWindow);
        var upload = await _store.BeginUploadAsync(pending, now + AssetPolicy.UploadUrlLifetime, default);
        return (pending.Id, HttpUtility.ParseQueryString(upload.Url[(upload.Url.IndexOf('?', StringComparison.Ordinal) + 1)..]));
    }

    private Task<TransferOutcome> ReceiveAsync(string id, string? expires, string? signature, string contentType, byte[] body) =>
        _transfers.ReceiveAsync(new SignedTransfer(id, expires, signature, contentType, body.Length), new MemoryStream(body), default);
}
