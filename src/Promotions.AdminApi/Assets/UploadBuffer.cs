using System.Security.Cryptography;

namespace Promotions.AdminApi.Assets;

/// <summary>
/// Copies an upload to a temporary file while hashing it, counting it against the type's limit and keeping
/// its first bytes for sniffing. The asset port takes the size and hash with the bytes, and both are only
/// known at the end, hence the file; it disappears when disposed.
/// </summary>
internal sealed class UploadBuffer : IAsyncDisposable
{
    private readonly FileStream _file = new(
        Path.Combine(Path.GetTempPath(), "promotions-upload-" + Guid.NewGuid().ToString("N")),
        FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);

    private readonly byte[] _header = new byte[ContentSniffer.HeaderLength];
    private int _headerLength;

    public long Size { get; private set; }

    public string Sha256 { get; private set; } = "";

    public ReadOnlySpan<byte> Header => _header.AsSpan(0, _headerLength);

    /// <summary>Copies <paramref name="body"/>; false as soon as it passes <paramref name="maxSize"/> bytes.</summary>
    public async Task<bool> CopyAsync(Stream body, long maxSize, CancellationToken ct)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            Size += read;
            if (Size > maxSize)
            {
                return false;
            }

            var headerPart = Math.Min(read, _header.Length - _headerLength);
            buffer.AsSpan(0, headerPart).CopyTo(_header.AsSpan(_headerLength));
            _headerLength += headerPart;
            hash.AppendData(buffer, 0, read);
            await _file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        Sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        await _file.FlushAsync(ct);
        _file.Position = 0;
        return true;
    }

    /// <summary>The copied bytes, from the start.</summary>
    public Stream Content => _file;

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
