using System.Buffers;
using System.Globalization;
using Promotions.Domain.Assets;
using Promotions.Embedded.Storage;

namespace Promotions.Embedded.Assets;

/// <summary>
/// Where asset bytes live under the data directory: a ready asset's in <c>assets/&lt;id&gt;</c>, an upload still
/// to be verified in <c>assets/pending/&lt;id&gt;</c>. Files are written to a temporary name and renamed when
/// complete, so a crash leaves a stray temporary file, never a truncated file under an asset's name.
/// </summary>
internal sealed class AssetFiles(string assetsDirectory)
{
    private const int BufferSize = 81920;

    private readonly string _pendingDirectory = Path.Combine(assetsDirectory, "pending");

    // Ids come from Ids.New; anything else (a path, "..") must never reach the file system.
    public static bool IsSafeId(string? id) => AssetIds.IsWellFormed(id);

    public string Ready(string id) => Path.Combine(assetsDirectory, id);

    public string Pending(string id) => Path.Combine(_pendingDirectory, id);

    /// <summary>A tag of the pending file that changes whenever the file is replaced.</summary>
    public static string Tag(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return string.Create(CultureInfo.InvariantCulture, $"{file.Length}-{file.LastWriteTimeUtc.Ticks}");
    }

    /// <summary>Opens a file for reading, or null when it is not there; deletion stays possible while it is read.</summary>
    public static FileStream? OpenRead(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, useAsync: true);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Copies exactly <paramref name="length"/> bytes of <paramref name="content"/> to <paramref name="path"/>; false,
    /// with nothing written, when the content is longer or shorter. An existing file is replaced only when
    /// <paramref name="overwrite"/>; otherwise an <see cref="IOException"/> says it is there.
    /// </summary>
    public static async Task<bool> WriteExactlyAsync(string path, Stream content, long length, bool overwrite, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            long written = 0;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, useAsync: true))
            {
                int read;
                while (written <= length && (read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    written += read;
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
            }

            if (written != length)
            {
                return false;
            }

            if (overwrite)
            {
                File.Move(temp, path, overwrite: true);
            }
            else if (!NoReplace.TryPublish(temp, path))
            {
                throw new IOException($"'{path}' is there already.");
            }

            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            File.Delete(temp);
        }
    }

    public void DeleteAll(string id)
    {
        File.Delete(Ready(id));
        if (Directory.Exists(_pendingDirectory))
        {
            File.Delete(Pending(id));
        }
    }
}
