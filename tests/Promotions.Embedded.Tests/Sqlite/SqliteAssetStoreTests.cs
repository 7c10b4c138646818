using System.Web;
using Promotions.Contracts.Stores;
using Promotions.Domain.Assets;
using Promotions.Domain.Ports;
using Promotions.Embedded.Assets;
using Promotions.Embedded.Tests.Support;

namespace Promotions.Embedded.Tests.Sqlite;

/// <summary>The asset contract on SQLite and the file system; presigned requests go to the store's own transfer handler.</summary>
public sealed class SqliteAssetStoreTests(TempDatabase temp) : AssetStoreContract, IClassFixture<TempDatabase>
{
    private LocalAssetTransfers _transfers = null!;

    protected override Task<IAssetStore> CreateStoreAsync()
    {
        var signer = new LocalUrlSigner(temp.Database);
        var store = new FileAssetStore(temp.Database, signer, TimeProvider.System);
        _transfers = new LocalAssetTransfers(temp.Database, store, signer, TimeProvider.System);
        return Task.FromResult<IAssetStore>(store);
    }

    protected override async Task<bool> SendUploadAsync(string assetId, PresignedRequest upload, byte[] body, string contentType)
    {
        var query = Query(upload);
        var outcome = await _transfers.ReceiveAsync(
            new SignedTransfer(assetId, query["expires"], query["signature"], contentType, body.Length), new MemoryStream(body), default);
        return outcome == TransferOutcome.Accepted;
    }

    protected override async Task<byte[]?> SendDownloadAsync(string assetId, PresignedRequest download)
    {
        var query = Query(download);
        var answer = await _transfers.OpenAsync(new SignedTransfer(assetId, query["expires"], query["signature"]), default);
        if (answer.Content is null)
        {
            return null;
        }

        await using var content = answer.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }

    private static System.Collections.Specialized.NameValueCollection Query(PresignedRequest request) =>
        HttpUtility.ParseQueryString(request.Url[(request.Url.IndexOf('?', StringComparison.Ordinal) + 1)..]);
}
