using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Promotions.Domain.Assets;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Assets;

/// <summary>
/// Signs and checks the embedded store's presigned URLs with an HMAC-SHA256 key kept in the data directory
/// (<c>asset-url-key</c>), as S3 signs its own: the signature covers the method, the asset, the expiry and, for
/// an upload, the content type and exact length the client must send, so none of them can be changed.
/// </summary>
internal sealed class LocalUrlSigner(SqliteDatabase database)
{
    public const string KeyFileName = "asset-url-key";

    private readonly Lazy<byte[]> _key = new(() =>
        Convert.FromBase64String(KeyFile.LoadOrCreate(Path.Combine(database.DataDirectory, KeyFileName))));

    /// <summary>The relative URL (under the asset's resource) of <paramref name="operation"/> until <paramref name="expiresAt"/>.</summary>
    public string Url(string operation, string method, string assetId, DateTimeOffset expiresAt, string contentType = "", long? length = null)
    {
        var expires = expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Sign(method, assetId, expires, contentType, length);
        return $"{operation}?expires={expires}&signature={signature}";
    }

    /// <summary>Checks the signature of <paramref name="request"/>; the expiry it carries when valid.</summary>
    public DateTimeOffset? Verify(string method, SignedTransfer request, string contentType = "", long? length = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Signature is not { Length: > 0 } given || !long.TryParse(request.Expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(method, request.AssetId, request.Expires!, contentType, length));
        var actual = Encoding.ASCII.GetBytes(given);
        return CryptographicOperations.FixedTimeEquals(expected, actual) && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
    }

    private string Sign(string method, string assetId, string expires, string contentType, long? length)
    {
        var canonical = string.Join('\n', method, assetId, expires, contentType, length?.ToString(CultureInfo.InvariantCulture) ?? "");
        return WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key.Value, Encoding.UTF8.GetBytes(canonical)));
    }
}
